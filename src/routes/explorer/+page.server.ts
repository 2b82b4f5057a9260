import { redirect } from '@sveltejs/kit';
import { localHref } from '$lib/i18n/locale-href';
import { getDb } from '$lib/server/db/connection';
import { basemapSetting } from '$lib/server/config';
import { pageLoad } from '$lib/server/http/page';
import { loadReseauPage } from '$lib/server/services/reseau-page.service';
import type { PageServerLoad } from './$types';

/** The filters for the form and the actors the address names (focus, a path's ends, the card), so a shared link names them at once. */
export const load = pageLoad(({ url }) => {
	const page = loadReseauPage(getDb(), url.searchParams, '/explorer');
	// An actor named by its slug: the same address with its id (the browser's state holds ids).
	if (page.redirect !== null) redirect(307, localHref(page.redirect));
	return { query: page.query, names: page.names, basemap: basemapSetting() };
}) satisfies PageServerLoad;
