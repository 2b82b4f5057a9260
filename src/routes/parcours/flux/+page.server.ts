import { getDb } from '$lib/server/db/connection';
import { rethrowAsPageError } from '$lib/server/services/page-errors.service';
import { pathwayFlows } from '$lib/server/services/pathway.service';
import type { PageServerLoad } from './$types';

export const load = (({ url }) => {
	try {
		return { flows: pathwayFlows(getDb(), url.searchParams) };
	} catch (e) {
		rethrowAsPageError(e);
	}
}) satisfies PageServerLoad;
