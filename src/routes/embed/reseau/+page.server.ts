import { getDb } from '$lib/server/db/connection';
import { loadReseauPage } from '$lib/server/services/reseau-page.service';
import { rethrowAsPageError } from '$lib/server/services/page-errors.service';
import type { PageServerLoad } from './$types';

/** The same filters and loader as /reseau; the embed shows the graph only. */
export const load = (({ url }) => {
	try {
		return loadReseauPage(getDb(), url.searchParams);
	} catch (e) {
		rethrowAsPageError(e);
	}
}) satisfies PageServerLoad;
