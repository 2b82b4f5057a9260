/**
 * Each commune's département, kept per connection until the territories change (territory_revision): what
 * the search's facets need to place an actor of the graph's index, without reading every actor again.
 * The same map is returned until then, so a cache built on it may compare it by identity.
 */
import type { Db } from '../db';
import { filterRevisions } from '../repos/entity.repo';
import { communeDepartementRows } from '../repos/territory.repo';

const kept = new WeakMap<Db, { revision: number; byCode: Map<string, string | null> }>();

export function communeDepartements(db: Db): Map<string, string | null> {
	const revision = filterRevisions(db).territory;
	const hit = kept.get(db);
	if (hit?.revision === revision) return hit.byCode;
	const byCode = new Map(communeDepartementRows(db).map((r) => [r.code, r.departementCode]));
	// Inside a transaction the rows may be rolled back: not kept.
	if (!db.$client.inTransaction) kept.set(db, { revision, byCode });
	return byCode;
}
