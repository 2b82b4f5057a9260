import { getDb } from '$lib/server/db/connection';
import { dashboardParams } from '$lib/server/http/dashboard-params';
import { formFailure, requireUser } from '$lib/server/http/form-failure';
import { dashboardReminders, REMINDERS_WINDOW_DAYS } from '$lib/server/services/dashboard.service';
import type { PageServerLoad } from './$types';

export const load = (({ locals, url, setHeaders }) => {
	const user = requireUser(locals.user, url);
	setHeaders({ 'cache-control': 'private, no-store' });
	const p = dashboardParams(url);
	try {
		return { list: dashboardReminders(getDb(), user, p.departement, p.page), departement: p.query.departement ?? null, days: REMINDERS_WINDOW_DAYS };
	} catch (e) {
		return formFailure(e) as never;
	}
}) satisfies PageServerLoad;
