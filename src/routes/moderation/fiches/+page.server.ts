import { getDb } from '$lib/server/db/connection';
import { pageLoad } from '$lib/server/http/page';
import { dashboardParams } from '$lib/server/http/dashboard-params';
import { requireUser } from '$lib/server/http/form-failure';
import { dashboardListings } from '$lib/server/services/dashboard.service';
import { freshnessSettings } from '$lib/server/config';
import type { PageServerLoad } from './$types';

export const load = pageLoad(({ locals, url, setHeaders }) => {
	const user = requireUser(locals.user, url);
	setHeaders({ 'cache-control': 'private, no-store' });
	const p = dashboardParams(url);
	const list = dashboardListings(
		getDb(),
		user,
		{ band: p.band, departement: p.departement, withoutManager: p.withoutManager, remindedToEditors: p.remindedToEditors },
		p.page
	);
	return { list, query: p.query, months: freshnessSettings().months };
}) satisfies PageServerLoad;
