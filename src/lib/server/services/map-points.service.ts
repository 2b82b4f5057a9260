import type { EntityFilters } from '$lib/domain/filters';
import { ENTITY_KINDS } from '$lib/domain/vocabulary';
import type { CompactPoint } from '$lib/map/api-types';
import { encodePoints } from '$lib/map/points-binary';
import type { Db } from '../db';
import { listEntities, mapPointRows } from '../repos/entity.repo';
import { categoryLabel, kindLabel } from '$lib/domain/vocabulary';
import { encodeCursor } from './cursor';
import { entityCount, pageByNameIndex } from './entity-counts';

/** The list beside the map starts with this many names; « voir les suivants » pages on through /api/v1/entities with `next`. */
const LIST_SIZE = 50;

/**
 * The located actors of a filtered set as compact points [id, lon, lat, kind index in ENTITY_KINDS, approx].
 * No worker here: this module is what the read worker runs (worker/read-tasks.ts), and what the JSON answer uses.
 */
/** An actor as the lists beside a map show it (name, kind, category and commune, in the request's language). */
export const listedActor = (e: { id: number; slug: string; name: string; kind: string; category: string; communeName: string | null }) => ({
	id: e.id,
	slug: e.slug,
	name: e.name,
	kind: e.kind as (typeof ENTITY_KINDS)[number],
	kindLabel: kindLabel(e.kind),
	categoryLabel: categoryLabel(e.category),
	communeName: e.communeName
});

export function compactPoints(db: Db, filters: EntityFilters): CompactPoint[] {
	const kindIndex = new Map<string, number>(ENTITY_KINDS.map((k, i) => [k, i]));
	return mapPointRows(db, filters).map((r) => [
		r.id,
		r.lon,
		r.lat,
		kindIndex.get(r.kind) ?? 0,
		r.coordPrecision === 'address' || r.coordPrecision === 'manual' ? 0 : 1
	]);
}

/** The same points as bytes (the layout: $lib/map/points-binary). */
export function mapPointBytes(db: Db, filters: EntityFilters): Uint8Array {
	return encodePoints(compactPoints(db, filters), ENTITY_KINDS);
}

/** The points in JSON (the public answer since the start), with the count and the first names of the list. */
export function mapPoints(db: Db, filters: EntityFilters) {
	const points = compactPoints(db, filters);
	// One more than shown: whether a next page exists, without counting.
	const rows = listEntities(db, { ...filters, sort: 'name', dir: 'asc', page: 1, perPage: LIST_SIZE + 1 }, 0, pageByNameIndex(db, filters, LIST_SIZE + 1));
	const items = rows.slice(0, LIST_SIZE);
	const total = entityCount(db, filters);
	return {
		total,
		kinds: [...ENTITY_KINDS],
		points,
		list: {
			total,
			next: rows.length > LIST_SIZE ? encodeCursor(items.at(-1)!) : null,
			items: items.map(listedActor)
		}
	};
}

/** The JSON answer as the bytes sent (what the read worker hands back: one copy, no objects to clone). */
export function mapPointsJsonBytes(db: Db, filters: EntityFilters): Uint8Array {
	return new TextEncoder().encode(JSON.stringify(mapPoints(db, filters)));
}
