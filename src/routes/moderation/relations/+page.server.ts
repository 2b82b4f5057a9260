import { getDb } from '$lib/server/db/connection';
import { pageLoad } from '$lib/server/http/page';
import { requireUser } from '$lib/server/http/form-failure';
import { relationsToReview } from '$lib/server/services/relation-review.service';
import type { PageServerLoad } from './$types';

/** `?filtre=sans-source` (default), `non-confirmees`, `contestees` (+ `page`, `apres` or `avant`): the editors' dashboard links here. */
export const load = pageLoad(({ locals, url, setHeaders }) => {
	const user = requireUser(locals.user, url);
	setHeaders({ 'cache-control': 'private, no-store' });
	const q = url.searchParams;
	return relationsToReview(getDb(), user, q.get('filtre'), q.get('page'), { after: q.get('apres'), before: q.get('avant') });
}) satisfies PageServerLoad;
