import { getDb } from '$lib/server/db/connection';
import { territoryOptions } from '$lib/server/services/directory-options.service';
import type { LayoutServerLoad } from './$types';

/**
 * The territory choices of the filter form depend on no URL parameter: loaded here, they are sent once
 * per visit instead of again with every filter change. Only code and name travel (the form needs no
 * more), which keeps the first page light at the 10k scale where most communes host an actor.
 */
export const load = (() => {
	const { departements, epcis, communes } = territoryOptions(getDb());
	const light = (list: { code: string; name: string }[]) => list.map(({ code, name }) => ({ code, name }));
	return { territoryOptions: { departements: light(departements), epcis: light(epcis), communes: light(communes) } };
}) satisfies LayoutServerLoad;
