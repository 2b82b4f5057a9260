import { getDb } from '$lib/server/db/connection';
import { formFailure, requireUser } from '$lib/server/http/form-failure';
import { dashboardDuplicates } from '$lib/server/services/dashboard.service';
import type { PageServerLoad } from './$types';

export const load = (({ locals, url, setHeaders }) => {
	const user = requireUser(locals.user, url);
	setHeaders({ 'cache-control': 'private, no-store' });
	try {
		return { pairs: dashboardDuplicates(getDb(), user) };
	} catch (e) {
		return formFailure(e) as never;
	}
}) satisfies PageServerLoad;
