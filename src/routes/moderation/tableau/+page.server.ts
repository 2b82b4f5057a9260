import { getDb } from '$lib/server/db/connection';
import { pageLoad } from '$lib/server/http/page';
import { requireUser } from '$lib/server/http/form-failure';
import { editorsDashboard } from '$lib/server/services/dashboard.service';
import type { PageServerLoad } from './$types';

export const load = pageLoad(async ({ locals, url, setHeaders }) => {
	const user = requireUser(locals.user, url);
	setHeaders({ 'cache-control': 'private, no-store' });
	return { dashboard: await editorsDashboard(getDb(), user) };
}) satisfies PageServerLoad;
