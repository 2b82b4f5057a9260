/**
 * The ends of the distances the site shows, read from the data: a commune as a starting point (its centre,
 * how it was placed, the note said once near the figures) and each actor's point. The rules themselves are
 * pure: $lib/geo/distance-precision.
 */
import { actorPointAccuracy, communeCentreAccuracy, originNote, UNCERTAINTY_KM, type DistanceEnd, type PointAccuracy } from '$lib/geo/distance-precision';
import type { Db } from '../db';
import { communePlaceRow, entityPlaceRows } from '../repos/place.repo';

export interface CommuneOrigin {
	code: string;
	name: string;
	departementCode: string | null;
	epciCode: string | null;
	lon: number;
	lat: number;
	accuracy: PointAccuracy;
	/** How far (km) the commune may lie from the point its distances are measured from. */
	uncertaintyKm: number;
	/** What the distances are measured from, said once near the figures; null for an exact point. */
	note: string | null;
}

/**
 * A commune as the start of distances: undefined when there is no such commune, `{ name, located: false }`
 * when it has no centre at all.
 */
export function communeOrigin(db: Db, code: string): CommuneOrigin | { name: string; located: false } | undefined {
	const row = communePlaceRow(db, code);
	if (!row) return undefined;
	const accuracy = communeCentreAccuracy(row.centroidPrecision);
	if (row.lon == null || row.lat == null || !accuracy) return { name: row.name, located: false };
	return {
		code: row.code,
		name: row.name,
		departementCode: row.departementCode,
		epciCode: row.epciCode,
		lon: row.lon,
		lat: row.lat,
		accuracy,
		uncertaintyKm: UNCERTAINTY_KM[accuracy],
		note: originNote({ name: row.name, accuracy, seatName: row.seatName, departementName: row.departementName })
	};
}

export const originEnd = (origin: CommuneOrigin): DistanceEnd => ({ accuracy: origin.accuracy, communeCode: origin.code, epciCode: origin.epciCode });

/** How each actor's point was placed, as the far end of a distance. */
export function actorEnds(db: Db, ids: number[]): Map<number, DistanceEnd> {
	return new Map(
		entityPlaceRows(db, ids).map((r) => [
			r.id,
			{ accuracy: actorPointAccuracy(r.coordPrecision, r.centroidPrecision), communeCode: r.communeCode, epciCode: r.epciCode }
		])
	);
}

/** An actor whose place could not be read is taken at a commune's centre: never more precise than known. */
export const UNKNOWN_END: DistanceEnd = { accuracy: 'commune' };
