import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db/connection';
import { pageLoad } from '$lib/server/http/page';
import { loadReseauPage } from '$lib/server/services/reseau-page.service';
import type { PageServerLoad } from './$types';

/** The same filters and loader as /reseau; the embed shows the graph only. */
export const load = pageLoad(({ url }) => {
	const page = loadReseauPage(getDb(), url.searchParams, '/embed/reseau');
	if (page.redirect !== null) redirect(307, page.redirect);
	return { query: page.query, names: page.names };
}) satisfies PageServerLoad;
