import { redirect } from '@sveltejs/kit';
import { localHref } from '$lib/i18n/locale-href';
import { getDb } from '$lib/server/db/connection';
import { pageLoad } from '$lib/server/http/page';
import { resolveCommuneField } from '$lib/server/services/commune-field.service';
import { loadReseauPage } from '$lib/server/services/reseau-page.service';
import { opensGrouped } from '$lib/server/services/graph-groups.service';
import type { PageServerLoad } from './$types';

export const load = pageLoad(({ url }) => {
	// The commune field's text (`lieu`: name, postcode or INSEE code) becomes the territory filter.
	const db = getDb();
	const { params, field } = resolveCommuneField(db, url.searchParams, '/reseau');
	const page = loadReseauPage(db, params);
	// An actor named by slug (a hand-written link): the address with its id, so the page's state holds ids.
	if (page.redirect !== null) redirect(307, localHref(page.redirect));
	return { query: page.query, names: page.names, communeField: field, grouped: opensGrouped(db, page.query) };
}) satisfies PageServerLoad;
