import { getDb } from '$lib/server/db/connection';
import { listDirectory, parseDirectoryQuery } from '$lib/server/services/directory.service';
import { territoryOptions } from '$lib/server/services/directory-options.service';
import { rethrowAsPageError } from '$lib/server/services/page-errors.service';
import type { PageServerLoad } from './$types';

export const load = (({ url }) => {
	const db = getDb();
	try {
		const query = parseDirectoryQuery(url.searchParams);
		return { query, result: listDirectory(db, query), places: territoryOptions(db) };
	} catch (e) {
		rethrowAsPageError(e);
	}
}) satisfies PageServerLoad;
