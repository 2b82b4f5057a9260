import {
	bbox as turfBbox,
	booleanPointInPolygon,
	centerOfMass,
	feature,
	pointOnFeature,
	simplify,
	truncate
} from '@turf/turf';
import type { MultiPolygon, Polygon, Position } from 'geojson';

/** A territory outline: what the `territories.geometry` column holds. */
export type AreaGeometry = Polygon | MultiPolygon;
/** [minLon, minLat, maxLon, maxLat] */
export type BBox2D = [number, number, number, number];
export type LonLat = [number, number];

export function isAreaGeometry(value: unknown): value is AreaGeometry {
	if (typeof value !== 'object' || value === null) return false;
	const g = value as { type?: unknown; coordinates?: unknown };
	return (g.type === 'Polygon' || g.type === 'MultiPolygon') && Array.isArray(g.coordinates);
}

/** Polygons of an area geometry, each as its list of rings. */
export function polygonsOf(geometry: AreaGeometry): Position[][][] {
	return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** Builds the smallest geometry type for a list of polygons (null when empty). */
export function geometryFromPolygons(polygons: Position[][][]): AreaGeometry | null {
	if (polygons.length === 0) return null;
	if (polygons.length === 1) return { type: 'Polygon', coordinates: polygons[0]! };
	return { type: 'MultiPolygon', coordinates: polygons };
}

export function bboxOf(geometry: AreaGeometry, decimals = 5): BBox2D {
	const [minLon, minLat, maxLon, maxLat] = turfBbox(geometry);
	return [minLon, minLat, maxLon, maxLat].map((v) => round(v, decimals)) as BBox2D;
}

/**
 * A representative point for labels and markers: the centre of mass when it falls inside the shape
 * (the usual case), otherwise a point guaranteed to be on it (crescent-shaped communes, multi-part EPCI).
 */
export function centroidOf(geometry: AreaGeometry, decimals = 5): LonLat {
	const shape = feature(geometry);
	let point = centerOfMass(shape).geometry.coordinates;
	if (!booleanPointInPolygon(point, shape)) point = pointOnFeature(shape).geometry.coordinates;
	return [round(point[0]!, decimals), round(point[1]!, decimals)];
}

/** Mean of a list of points, for a rough centre when no outline is known. */
export function meanPoint(points: LonLat[], decimals = 5): LonLat | null {
	if (points.length === 0) return null;
	const lon = points.reduce((s, p) => s + p[0], 0) / points.length;
	const lat = points.reduce((s, p) => s + p[1], 0) / points.length;
	return [round(lon, decimals), round(lat, decimals)];
}

export function roundCoordinates<G extends AreaGeometry>(geometry: G, decimals = 5): G {
	return truncate(geometry, { precision: decimals, coordinates: 2, mutate: false });
}

/**
 * Douglas-Peucker simplification (tolerance in degrees; 0.0005 is about 40-55 m in Auvergne) followed by
 * rounding. Rings that collapse are dropped; if everything collapses, the rounded input is returned,
 * so a tiny commune never loses its outline.
 */
export function simplifyGeometry(geometry: AreaGeometry, tolerance: number, decimals = 5): AreaGeometry {
	const simplified = simplify(geometry, { tolerance, highQuality: false, mutate: false });
	const kept: Position[][][] = [];
	for (const rings of polygonsOf(simplified)) {
		const [outer, ...holes] = rings.map((r) => dedupeRing(r.map((p) => [round(p[0]!, decimals), round(p[1]!, decimals)])));
		if (!outer || outer.length < 4) continue;
		kept.push([outer, ...holes.filter((h) => h.length >= 4)]);
	}
	return geometryFromPolygons(kept) ?? roundCoordinates(geometry, decimals);
}

function dedupeRing(ring: Position[]): Position[] {
	const out: Position[] = [];
	for (const p of ring) {
		const last = out[out.length - 1];
		if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
	}
	return out;
}

export function round(value: number, decimals: number): number {
	const f = 10 ** decimals;
	return Math.round(value * f) / f;
}
