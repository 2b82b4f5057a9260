import { getDb } from '$lib/server/db/connection';
import { pageLoad } from '$lib/server/http/page';
import { dashboardParams } from '$lib/server/http/dashboard-params';
import { requireUser } from '$lib/server/http/form-failure';
import { dashboardDuplicatesPage } from '$lib/server/services/dashboard.service';
import type { PageServerLoad } from './$types';

export const load = pageLoad(async ({ locals, url, setHeaders }) => {
	const user = requireUser(locals.user, url);
	setHeaders({ 'cache-control': 'private, no-store' });
	return { list: await dashboardDuplicatesPage(getDb(), user, dashboardParams(url).page) };
}) satisfies PageServerLoad;
