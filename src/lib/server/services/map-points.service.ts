import type { EntityFilters } from '$lib/domain/filters';
import { ENTITY_KINDS } from '$lib/domain/vocabulary';
import type { CompactPoint } from '$lib/map/api-types';
import { encodePoints } from '$lib/map/points-binary';
import type { Db } from '../db';
import { mapPointRows } from '../repos/entity.repo';

/**
 * The located actors of a filtered set as compact points [id, lon, lat, kind index in ENTITY_KINDS, approx].
 * No worker here: this module is what the read worker runs (worker/read-tasks.ts), and what the JSON answer uses.
 */
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
