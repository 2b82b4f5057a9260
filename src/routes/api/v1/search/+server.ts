import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db/connection';
import { apiGet, KEPT } from '$lib/server/http/api';
import { parseSearchApi } from '$lib/server/services/entity-api.service';
import { search } from '$lib/server/services/search.service';

export const GET: RequestHandler = apiGet(({ url }) => {
	const { q, limit, offset } = parseSearchApi(url.searchParams);
	const { hits, total } = search(getDb(), q, { limit, offset });
	return { items: hits, total };
}, KEPT);
