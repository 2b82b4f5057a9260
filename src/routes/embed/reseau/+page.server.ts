import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db/connection';
import { loadReseauPage } from '$lib/server/services/reseau-page.service';
import { rethrowAsPageError } from '$lib/server/services/page-errors.service';
import type { PageServerLoad } from './$types';

/** The same filters and loader as /reseau; the embed shows the graph only. */
export const load = (({ url }) => {
	let page;
	try {
		page = loadReseauPage(getDb(), url.searchParams, '/embed/reseau');
	} catch (e) {
		rethrowAsPageError(e);
	}
	if (page.redirect !== null) redirect(307, page.redirect);
	return { query: page.query, names: page.names };
}) satisfies PageServerLoad;
