/**
 * Each territory's département and French sort key by code, kept per connection until the territories change
 * (territory_revision): the search's facets place the graph's actors by their commune's département, and the
 * directory sorted by commune orders the communes by their names' keys, without reading every actor again.
 * The same maps are returned until then, so a cache built on them may compare them by identity.
 */
import type { Db } from '../db';
import { frenchSortKey } from '../db';
import { filterRevisions } from '../repos/entity.repo';
import { territoryLookupRows } from '../repos/territory.repo';

export interface TerritoryLookups {
	departementOf: Map<string, string | null>;
	sortKeyOf: Map<string, string>;
}

const kept = new WeakMap<Db, { revision: number; lookups: TerritoryLookups }>();

export function territoryLookups(db: Db): TerritoryLookups {
	const revision = filterRevisions(db).territory;
	const hit = kept.get(db);
	if (hit?.revision === revision) return hit.lookups;
	const rows = territoryLookupRows(db);
	const lookups = {
		departementOf: new Map(rows.map((r) => [r.code, r.departementCode])),
		sortKeyOf: new Map(rows.map((r) => [r.code, frenchSortKey(r.name)]))
	};
	// Inside a transaction the rows may be rolled back: not kept.
	if (!db.$client.inTransaction) kept.set(db, { revision, lookups });
	return lookups;
}
