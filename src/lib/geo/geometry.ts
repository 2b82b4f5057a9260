import { bbox as turfBbox, booleanPointInPolygon, centerOfMass, feature, pointOnFeature, simplify, truncate } from '@turf/turf';
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
 * A representative point for labels, markers and distances, always on the shape: the centre of mass when it
 * falls inside (the usual case, kept inside after rounding), otherwise an interior point of the largest part
 * (a crescent-shaped commune, a multi-part EPCI), never a vertex on the border.
 */
export function centroidOf(geometry: AreaGeometry, decimals = 5): LonLat {
	const shape = feature(geometry);
	const c = centerOfMass(shape).geometry.coordinates;
	const rounded: LonLat = [round(c[0]!, decimals), round(c[1]!, decimals)];
	if (booleanPointInPolygon(rounded, shape, { ignoreBoundary: true })) return rounded;
	const inside = interiorPoint(geometry, decimals);
	if (inside) return inside;
	const p = pointOnFeature(shape).geometry.coordinates;
	return [round(p[0]!, decimals), round(p[1]!, decimals)];
}

/**
 * A point strictly inside the shape (the « point on surface » of GIS tools): on a few horizontal lines across
 * the largest part, the middle of the widest stretch that lies inside (holes counted). Null only for a shape
 * too thin to hold a rounded point.
 */
export function interiorPoint(geometry: AreaGeometry, decimals = 5): LonLat | null {
	const parts = polygonsOf(geometry)
		.map((rings) => ({ rings, size: Math.abs(ringArea(rings[0] ?? [])) }))
		.sort((a, b) => b.size - a.size);
	const shape = feature(geometry);
	for (const { rings } of parts) {
		const lats = (rings[0] ?? []).map((p) => p[1]!);
		const [south, north] = [Math.min(...lats), Math.max(...lats)];
		for (const f of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.1, 0.9]) {
			const y = south + (north - south) * f;
			const xs: number[] = [];
			for (const ring of rings) {
				for (let i = 1; i < ring.length; i++) {
					const [ax, ay] = ring[i - 1] as [number, number];
					const [bx, by] = ring[i] as [number, number];
					if (ay <= y !== by <= y) xs.push(ax + ((y - ay) * (bx - ax)) / (by - ay));
				}
			}
			xs.sort((a, b) => a - b);
			const stretches: [number, number][] = [];
			for (let i = 0; i + 1 < xs.length; i += 2) stretches.push([xs[i]!, xs[i + 1]!]);
			stretches.sort((a, b) => b[1] - b[0] - (a[1] - a[0]));
			for (const [x0, x1] of stretches) {
				const point: LonLat = [round((x0 + x1) / 2, decimals), round(y, decimals)];
				if (booleanPointInPolygon(point, shape, { ignoreBoundary: true })) return point;
			}
		}
	}
	return null;
}

/** Shoelace area in square degrees: only compares the parts of one shape. */
function ringArea(ring: Position[]): number {
	let s = 0;
	for (let i = 1; i < ring.length; i++) s += ring[i - 1]![0]! * ring[i]![1]! - ring[i]![0]! * ring[i - 1]![1]!;
	return s / 2;
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
