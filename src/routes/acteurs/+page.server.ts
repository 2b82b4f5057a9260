import { getDb } from '$lib/server/db/connection';
import { pageLoad } from '$lib/server/http/page';
import { resolveCommuneField } from '$lib/server/services/commune-field.service';
import { listDirectory, parseDirectoryQuery } from '$lib/server/services/directory.service';
import { territoryOptions } from '$lib/server/services/directory-options.service';
import type { PageServerLoad } from './$types';

export const load = pageLoad(({ url }) => {
	const db = getDb();
	// The commune field's text (`lieu`: name, postcode or INSEE code) becomes the territory filter.
	const { params, field } = resolveCommuneField(db, url.searchParams, '/acteurs');
	const query = parseDirectoryQuery(params);
	return { query, result: listDirectory(db, query), places: territoryOptions(db), communeField: field };
}) satisfies PageServerLoad;
