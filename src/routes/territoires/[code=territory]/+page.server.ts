import { getDb } from '$lib/server/db/connection';
import { rethrowAsPageError } from '$lib/server/services/page-errors.service';
import { getTerritoryPage } from '$lib/server/services/territory.service';
import type { PageServerLoad } from './$types';

export const load = (({ params }) => {
	try {
		return getTerritoryPage(getDb(), params.code);
	} catch (e) {
		rethrowAsPageError(e);
	}
}) satisfies PageServerLoad;
