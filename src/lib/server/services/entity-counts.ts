/**
 * The directory's totals (how many actors a filter keeps, and per kind and category) cached per database
 * connection, filter and data revision: counting scans the table (21 ms at 20,000 actors, issue 18) and the
 * answer only changes when a write moves a revision. The key is the counters the filter reads (see
 * `filterRevisions`), maintained by triggers on every insert, update and delete whoever writes (the server,
 * an import, a merge, the jobs process): reading them is one tiny statement. `PRAGMA data_version` was not
 * enough: it does not move for the connection's own writes, and this server writes through the one it reads.
 * A connection in a transaction is not served from or into the cache: its writes may be rolled back, and a
 * count stored under a revision number that is then reused by another write would be wrong.
 */
import type { EntityFilters } from '$lib/domain/filters';
import type { Db } from '../db';
import { communeCounts, filterRevisions, kindCategoryCountsQuery } from '../repos/entity.repo';
import { RevisionCache } from '../cache/revision-cache';

/** Filters seen per connection before the least recently used is forgotten: a few kilobytes. */
const MAX_ENTRIES = 500;

const caches = new WeakMap<Db, RevisionCache<unknown>>();

/** The same filters written in another order (`kind=a&kind=b`, `kind=b&kind=a`) share one entry. */
function filterKey(what: string, f: EntityFilters): string {
	const sorted = (values: string[]) => [...new Set(values)].sort();
	return JSON.stringify([what, sorted(f.kind), sorted(f.category), sorted(f.sector), sorted(f.stage), sorted(f.offer), f.territory ?? null, f.q ?? null]);
}

/** Only the counters this filter reads: editing a description leaves the unfiltered total cached. */
function revisionFor(db: Db, f: EntityFilters): string {
	const r = filterRevisions(db);
	return `${r.graph}.${f.q ? r.search : '-'}.${f.territory ? r.territory : '-'}`;
}

function cached<T>(db: Db, key: string, filters: EntityFilters, compute: () => T): T {
	if (db.$client.inTransaction) return compute();
	let cache = caches.get(db);
	if (!cache) caches.set(db, (cache = new RevisionCache<unknown>({ entries: MAX_ENTRIES, bytes: Number.MAX_SAFE_INTEGER })));
	// Read before counting: a write committed in between leaves a newer count under the older revision,
	// which this connection never asks for again (it sees the newer revision from then on).
	const revision = revisionFor(db, filters);
	const hit = cache.get(key, revision);
	if (hit !== null) return hit as T;
	const value = compute();
	cache.set(key, revision, value, 0);
	return value;
}

type Cell = { kind: string; category: string; n: number };

/**
 * How many actors per kind and category the filters keep once their kinds and categories are set aside: the total
 * and both facets of every choice of kinds and categories are sums of these cells. One scan where there were
 * three (the total, the kinds, the categories), and `kind=a` and `kind=b` share it: at 100,000 actors, under
 * bench:load's writer, the directory's counts were redone per filter after every import (issue 18).
 */
function cells(db: Db, filters: EntityFilters): readonly Cell[] {
	const wider: EntityFilters = { ...filters, kind: [], category: [] };
	return cached(db, filterKey('kind×category', wider), wider, () => kindCategoryCountsQuery(db, wider).all() as Cell[]);
}

const keeps = (chosen: readonly string[], value: string) => chosen.length === 0 || chosen.includes(value);

/** The cells the filters' own kinds and categories keep. */
function kept(db: Db, filters: EntityFilters): Cell[] {
	return cells(db, filters).filter((c) => keeps(filters.kind, c.kind) && keeps(filters.category, c.category));
}

/** How many actors the filters keep. */
export function entityCount(db: Db, filters: EntityFilters): number {
	return kept(db, filters).reduce((sum, c) => sum + c.n, 0);
}

/** Counts per kind or category within the filtered set (the directory's facet side bar), by value as SQLite orders them. */
export function entityFacetCounts(db: Db, filters: EntityFilters, facet: 'kind' | 'category'): ReadonlyMap<string, number> {
	const counts = new Map<string, number>();
	for (const c of kept(db, filters)) counts.set(c[facet], (counts.get(c[facet]) ?? 0) + c.n);
	return new Map([...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** How many actors the filters keep in each commune (the directory's commune order pages by them). */
export function entityCommuneCounts(db: Db, filters: EntityFilters): readonly { code: string | null; n: number }[] {
	return cached(db, filterKey('commune', filters), filters, () => communeCounts(db, filters));
}

const NO_FILTER: EntityFilters = { kind: [], category: [], sector: [], stage: [], offer: [], q: undefined };

/**
 * Whether a page of `rows` in name order is cheaper read by walking the name index (about rows × all ÷ kept
 * index entries, the kept actors being spread over the alphabet) than by sorting every kept actor (about kept
 * rows): kept² ≥ rows × all. Both counts come from the cache. A text search (`q`) is left to SQLite: its
 * matches are read from the full-text index, usually few.
 */
export function pageByNameIndex(db: Db, filters: EntityFilters, rows: number): boolean {
	if (filters.q) return false;
	const kept = entityCount(db, filters);
	return kept * kept >= rows * entityCount(db, NO_FILTER);
}
