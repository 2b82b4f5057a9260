import { loadMapPage } from '$lib/server/services/map-page.service';
import { rethrowAsPageError } from '$lib/server/services/page-errors.service';
import type { PageServerLoad } from './$types';

/** The same filters and loader as /carte; the embed shows the map only. */
export const load = (({ url }) => {
	try {
		return loadMapPage(url.searchParams);
	} catch (e) {
		rethrowAsPageError(e);
	}
}) satisfies PageServerLoad;
