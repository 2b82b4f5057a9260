import { getDb } from '$lib/server/db/connection';
import { pageLoad } from '$lib/server/http/page';
import { pathwaysReady } from '$lib/server/pathways/pathway-cache';
import { pathwayFlows, pathwayProjects } from '$lib/server/services/pathway.service';
import type { PageServerLoad } from './$types';

export const load = pageLoad(async ({ url }) => {
	const db = getDb();
	await pathwaysReady(db);
	const list = pathwayProjects(db, url.searchParams);
	// The filters as the service read them: the way back and the summary line use the same parsing.
	return { list, filters: pathwayFlows(db, url.searchParams).filters };
}) satisfies PageServerLoad;
