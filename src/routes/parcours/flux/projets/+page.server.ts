import { getDb } from '$lib/server/db/connection';
import { rethrowAsPageError } from '$lib/server/services/page-errors.service';
import { pathwayFlows, pathwayProjects } from '$lib/server/services/pathway.service';
import type { PageServerLoad } from './$types';

export const load = (({ url }) => {
	try {
		const db = getDb();
		const list = pathwayProjects(db, url.searchParams);
		// The filters as the service read them: the way back and the summary line use the same parsing.
		return { list, filters: pathwayFlows(db, url.searchParams).filters };
	} catch (e) {
		rethrowAsPageError(e);
	}
}) satisfies PageServerLoad;
