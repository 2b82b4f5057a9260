import { redirect } from '@sveltejs/kit';
import { localHref } from '$lib/i18n/locale-href';
import { getDb } from '$lib/server/db/connection';
import { pageLoad } from '$lib/server/http/page';
import { resolveCommuneField } from '$lib/server/services/commune-field.service';
import { loadMapPage } from '$lib/server/services/map-page.service';
import type { PageServerLoad } from './$types';

export const load = pageLoad(({ url }) => {
	// The commune field's text (`lieu`: name, postcode or INSEE code) becomes the territory filter.
	const { params, field } = resolveCommuneField(getDb(), url.searchParams, '/carte');
	const page = loadMapPage(getDb(), params);
	// An actor named by its slug: the same address with its id (the browser's state holds ids), in the page's language.
	if ('redirect' in page) redirect(307, localHref(page.redirect));
	return { ...page, communeField: field };
}) satisfies PageServerLoad;
