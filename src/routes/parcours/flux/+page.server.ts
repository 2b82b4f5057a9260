import { getDb } from '$lib/server/db/connection';
import { pageLoad } from '$lib/server/http/page';
import { pathwayFlows } from '$lib/server/services/pathway.service';
import type { PageServerLoad } from './$types';

export const load = pageLoad(({ url }) => {
	return { flows: pathwayFlows(getDb(), url.searchParams) };
}) satisfies PageServerLoad;
