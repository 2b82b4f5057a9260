import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db/connection';
import { loadMapPage } from '$lib/server/services/map-page.service';
import { rethrowAsPageError } from '$lib/server/services/page-errors.service';
import type { PageServerLoad } from './$types';

/** The same filters and loader as /carte; the embed shows the map only. */
export const load = (({ url }) => {
	let page: ReturnType<typeof loadMapPage>;
	try {
		page = loadMapPage(getDb(), url.searchParams, 'embed/carte');
		if (!('redirect' in page)) return page;
	} catch (e) {
		rethrowAsPageError(e);
	}
	redirect(307, page.redirect);
}) satisfies PageServerLoad;
