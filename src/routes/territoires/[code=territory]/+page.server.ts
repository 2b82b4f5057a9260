import { getDb } from '$lib/server/db/connection';
import { pageLoad } from '$lib/server/http/page';
import { getTerritoryPage } from '$lib/server/services/territory.service';
import { pressOfTerritory } from '$lib/server/services/article.service';
import type { PageServerLoad } from './$types';

export const load = pageLoad(({ params }) => {
	const db = getDb();
	return { ...getTerritoryPage(db, params.code), press: pressOfTerritory(db, params.code) };
}) satisfies PageServerLoad;
