import { getDb } from '$lib/server/db/connection';
import { getPortrait } from '$lib/server/services/entity.service';
import { rethrowAsPageError } from '$lib/server/services/page-errors.service';
import type { PageServerLoad } from './$types';

export const load = (({ params }) => {
	try {
		return getPortrait(getDb(), params.slug);
	} catch (e) {
		rethrowAsPageError(e);
	}
}) satisfies PageServerLoad;
