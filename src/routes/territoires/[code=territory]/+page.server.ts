import { getDb } from '$lib/server/db/connection';
import { pageLoad } from '$lib/server/http/page';
import { getTerritoryPage } from '$lib/server/services/territory.service';
import type { PageServerLoad } from './$types';

export const load = pageLoad(({ params }) => {
	return getTerritoryPage(getDb(), params.code);
}) satisfies PageServerLoad;
