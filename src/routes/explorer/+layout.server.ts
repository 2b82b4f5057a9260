import { getDb } from '$lib/server/db/connection';
import { territoryOptions } from '$lib/server/services/directory-options.service';
import type { LayoutServerLoad } from './$types';

/** The filter form's territory choices (code and name only), sent once per visit as on /carte and /reseau. */
export const load = (() => {
	const all = territoryOptions(getDb());
	const names = (list: { code: string; name: string }[]) => list.map((t) => ({ code: t.code, name: t.name }));
	return { territoryOptions: { departements: names(all.departements), epcis: names(all.epcis), communes: names(all.communes) } };
}) satisfies LayoutServerLoad;
