import { getDb } from '$lib/server/db/connection';
import { rethrowAsPageError } from '$lib/server/services/page-errors.service';
import { parseSearchPageQuery, searchPage } from '$lib/server/services/search-page.service';
import type { PageServerLoad } from './$types';

export const load = (({ url }) => {
	try {
		const query = parseSearchPageQuery(url.searchParams);
		return { query, result: searchPage(getDb(), query) };
	} catch (e) {
		rethrowAsPageError(e);
	}
}) satisfies PageServerLoad;
