import { getDb } from '$lib/server/db/connection';
import { pageLoad } from '$lib/server/http/page';
import { parseSearchPageQuery, searchPage } from '$lib/server/services/search-page.service';
import type { PageServerLoad } from './$types';

export const load = pageLoad(({ url }) => {
	const query = parseSearchPageQuery(url.searchParams);
	return { query, result: searchPage(getDb(), query) };
}) satisfies PageServerLoad;
