import { getDb } from '$lib/server/db/connection';
import { territoryOptions } from '$lib/server/services/directory-options.service';
import type { LayoutServerLoad } from './$types';

/**
 * The territory choices depend on no URL parameter: loaded here, they travel once per visit instead of
 * with every filter change or figure opened. Only what the form and the summaries need is sent (an EPCI's
 * département groups the list).
 */
export const load = (() => {
	const { departements, epcis } = territoryOptions(getDb());
	return {
		places: {
			departements: departements.map(({ code, name }) => ({ code, name })),
			epcis: epcis.map(({ code, name, departementCode }) => ({ code, name, departementCode }))
		}
	};
}) satisfies LayoutServerLoad;
