import { getDb } from '$lib/server/db/connection';
import { basemapSetting } from '$lib/server/config';
import { rethrowAsPageError } from '$lib/server/services/page-errors.service';
import { loadReseauPage } from '$lib/server/services/reseau-page.service';
import type { PageServerLoad } from './$types';

/** The filters for the form and the actors the address names (focus, a path's ends), so a shared link names them at once. */
export const load = (({ url }) => {
	try {
		const { query, names } = loadReseauPage(getDb(), url.searchParams);
		return { query, names, basemap: basemapSetting() };
	} catch (e) {
		rethrowAsPageError(e);
	}
}) satisfies PageServerLoad;
