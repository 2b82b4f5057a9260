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
	const { departements, epcis, communes } = territoryOptions(db);
	// The form needs a commune's name only for the one filtered on (its field searches the server): the ~1,500
	// others would be written into every page of the directory.
	const places = { departements, epcis, communes: communes.filter((c) => c.code === query.territory) };
	return { query, result: listDirectory(db, query), places, communeField: field };
}) satisfies PageServerLoad;
