import { getDb } from '$lib/server/db/connection';
import { entityHistory } from '$lib/server/services/history.service';
import { rethrowAsPageError } from '$lib/server/services/page-errors.service';
import type { PageServerLoad } from './$types';

export const load = (({ params }) => {
	try {
		// Public view: hidden actors answer 404, private contacts are left out of every diff.
		return entityHistory(getDb(), params.slug);
	} catch (e) {
		rethrowAsPageError(e);
	}
}) satisfies PageServerLoad;
