import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db/connection';
import { pageLoad } from '$lib/server/http/page';
import { loadMapPage } from '$lib/server/services/map-page.service';
import type { PageServerLoad } from './$types';

/** The same filters and loader as /carte; the embed shows the map only. */
export const load = pageLoad(({ url }) => {
	const page = loadMapPage(getDb(), url.searchParams, 'embed/carte');
	if ('redirect' in page) redirect(307, page.redirect);
	return page;
}) satisfies PageServerLoad;
