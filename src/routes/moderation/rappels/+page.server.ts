import { getDb } from '$lib/server/db/connection';
import { pageLoad } from '$lib/server/http/page';
import { dashboardParams } from '$lib/server/http/dashboard-params';
import { requireUser } from '$lib/server/http/form-failure';
import { dashboardReminders, REMINDERS_WINDOW_DAYS } from '$lib/server/services/dashboard.service';
import type { PageServerLoad } from './$types';

export const load = pageLoad(({ locals, url, setHeaders }) => {
	const user = requireUser(locals.user, url);
	setHeaders({ 'cache-control': 'private, no-store' });
	const p = dashboardParams(url);
	return { list: dashboardReminders(getDb(), user, p.departement, p.page), departement: p.query.departement ?? null, days: REMINDERS_WINDOW_DAYS };
}) satisfies PageServerLoad;
