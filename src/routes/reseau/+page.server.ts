import { getDb } from '$lib/server/db/connection';
import { resolveCommuneField } from '$lib/server/services/commune-field.service';
import { loadReseauPage } from '$lib/server/services/reseau-page.service';
import { rethrowAsPageError } from '$lib/server/services/page-errors.service';
import type { PageServerLoad } from './$types';

export const load = (({ url }) => {
	try {
		// The commune field's text (`lieu`: name, postcode or INSEE code) becomes the territory filter.
		const db = getDb();
		const { params, field } = resolveCommuneField(db, url.searchParams, '/reseau');
		return { ...loadReseauPage(db, params), communeField: field };
	} catch (e) {
		rethrowAsPageError(e);
	}
}) satisfies PageServerLoad;
