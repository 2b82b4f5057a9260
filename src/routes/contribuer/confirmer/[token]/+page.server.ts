import { getDb } from '$lib/server/db/connection';
import { confirmEmail } from '$lib/server/services/newcomer.service';
import type { PageServerLoad } from './$types';

/** Opening the e-mailed link confirms the request once; the page says what happened (never who asked). */
export const load = (({ params, setHeaders }) => {
	setHeaders({ 'cache-control': 'private, no-store', 'referrer-policy': 'no-referrer' });
	return { outcome: confirmEmail(getDb(), params.token) };
}) satisfies PageServerLoad;
