import { getDb } from '$lib/server/db/connection';
import { pageLoad } from '$lib/server/http/page';
import { pathwaysReady } from '$lib/server/pathways/pathway-cache';
import { pathwayFlows } from '$lib/server/services/pathway.service';
import type { PageServerLoad } from './$types';

export const load = pageLoad(async ({ url }) => {
	await pathwaysReady(getDb());
	return { flows: pathwayFlows(getDb(), url.searchParams) };
}) satisfies PageServerLoad;
