import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db/connection';
import { resolveCommuneField } from '$lib/server/services/commune-field.service';
import { loadMapPage } from '$lib/server/services/map-page.service';
import { rethrowAsPageError } from '$lib/server/services/page-errors.service';
import type { PageServerLoad } from './$types';

export const load = (({ url }) => {
	let page: ReturnType<typeof loadMapPage>;
	try {
		// The commune field's text (`lieu`: name, postcode or INSEE code) becomes the territory filter.
		const { params, field } = resolveCommuneField(getDb(), url.searchParams, '/carte');
		page = loadMapPage(getDb(), params);
		if (!('redirect' in page)) return { ...page, communeField: field };
	} catch (e) {
		rethrowAsPageError(e);
	}
	redirect(307, page.redirect);
}) satisfies PageServerLoad;
