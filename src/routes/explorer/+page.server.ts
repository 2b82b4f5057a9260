import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db/connection';
import { basemapSetting } from '$lib/server/config';
import { rethrowAsPageError } from '$lib/server/services/page-errors.service';
import { loadReseauPage } from '$lib/server/services/reseau-page.service';
import type { PageServerLoad } from './$types';

/** The filters for the form and the actors the address names (focus, a path's ends, the card), so a shared link names them at once. */
export const load = (({ url }) => {
	let answer: ReturnType<typeof loadReseauPage>;
	try {
		answer = loadReseauPage(getDb(), url.searchParams, '/explorer');
	} catch (e) {
		rethrowAsPageError(e);
	}
	// An actor named by its slug: the same address with its id (the browser's state holds ids).
	if (answer.redirect != null) redirect(307, answer.redirect);
	return { query: answer.query, names: answer.names, basemap: basemapSetting() };
}) satisfies PageServerLoad;
