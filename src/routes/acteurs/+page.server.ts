import { getDb } from '$lib/server/db/connection';
import { resolveCommuneField } from '$lib/server/services/commune-field.service';
import { listDirectory, parseDirectoryQuery } from '$lib/server/services/directory.service';
import { territoryOptions } from '$lib/server/services/directory-options.service';
import { rethrowAsPageError } from '$lib/server/services/page-errors.service';
import type { PageServerLoad } from './$types';

export const load = (({ url }) => {
	const db = getDb();
	try {
		// The commune field's text (`lieu`: name, postcode or INSEE code) becomes the territory filter.
		const { params, field } = resolveCommuneField(db, url.searchParams, '/acteurs');
		const query = parseDirectoryQuery(params);
		return { query, result: listDirectory(db, query), places: territoryOptions(db), communeField: field };
	} catch (e) {
		rethrowAsPageError(e);
	}
}) satisfies PageServerLoad;
