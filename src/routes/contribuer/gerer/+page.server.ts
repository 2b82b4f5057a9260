import { getDb } from '$lib/server/db/connection';
import { suggest } from '$lib/server/services/search.service';
import type { PageServerLoad } from './$types';

/** « C'est ma structure » : find the listing to claim by its name. */
export const load = (({ url }) => {
	const q = (url.searchParams.get('q') ?? '').trim().slice(0, 100);
	return { q, hits: q.length >= 2 ? suggest(getDb(), q, 20) : [] };
}) satisfies PageServerLoad;
