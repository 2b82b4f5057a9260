import type { Db } from '../db';
import { filterRevisions } from '../repos/entity.repo';
import { territoryOptionRows } from '../repos/territory.repo';

export interface TerritoryOption {
	code: string;
	name: string;
	kind: 'departement' | 'epci' | 'commune';
	departementCode: string | null;
}

export interface TerritoryOptions {
	departements: TerritoryOption[];
	epcis: TerritoryOption[];
	communes: TerritoryOption[];
}

/**
 * Kept per connection until an actor's visibility or commune moves (graph_revision) or the territories do
 * (territory_revision): the list reads every published actor's commune and sorts ~1,500 names, 24 ms a
 * request at 10,000 actors, and it was a third of `/acteurs`' cost under `npm run bench:load` (issue 18).
 */
const kept = new WeakMap<Db, { revision: string; options: TerritoryOptions }>();

/**
 * Places offered by the directory's territory filter: every département and EPCI, and the communes
 * that host at least one published actor (a short list, unlike the ~1,300 communes of the scope).
 * The lists are shared between requests: callers copy what they change.
 */
export function territoryOptions(db: Db): TerritoryOptions {
	// Inside a transaction the rows may be rolled back: neither served from nor kept in the cache.
	if (db.$client.inTransaction) return computeOptions(db);
	const r = filterRevisions(db);
	const revision = `${r.graph}.${r.territory}`;
	const hit = kept.get(db);
	if (hit?.revision === revision) return hit.options;
	const options = computeOptions(db);
	kept.set(db, { revision, options });
	return options;
}

function computeOptions(db: Db): TerritoryOptions {
	const rows = territoryOptionRows(db) as TerritoryOption[];
	return {
		departements: rows.filter((r) => r.kind === 'departement').sort((a, b) => a.code.localeCompare(b.code)),
		epcis: rows.filter((r) => r.kind === 'epci'),
		communes: rows.filter((r) => r.kind === 'commune')
	};
}
