import type { CompactPoint } from './api-types';

export interface PointProps {
	id: number;
	kind: string;
	/** 1 when the position is only known at commune level. */
	approx: 0 | 1;
}

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
/** About 150 m between neighbours of a spread: enough to click each one at street zoom, not enough to move them elsewhere. */
const SPREAD_STEP_DEG = 0.0014;

/**
 * Where each point is drawn: approximate points (commune centroid) that share a position are spread on a small
 * sunflower around it, so that each one can still be seen and clicked; precise points are never moved. Shared by
 * the browser's GeoJSON source and the server's cluster tiles (map-tiles.ts), so both draw the same map.
 */
export function spreadPositions(points: readonly CompactPoint[]): Float64Array {
	const xy = new Float64Array(points.length * 2);
	const stacked = new Map<string, number>();
	for (let i = 0; i < points.length; i++) {
		const [, lon, lat, , approx] = points[i] as CompactPoint;
		let x = lon;
		let y = lat;
		if (approx) {
			const key = `${lon},${lat}`;
			const rank = stacked.get(key) ?? 0;
			stacked.set(key, rank + 1);
			if (rank > 0) {
				const r = SPREAD_STEP_DEG * Math.sqrt(rank);
				const a = rank * GOLDEN_ANGLE;
				y = lat + r * Math.sin(a);
				x = lon + (r * Math.cos(a)) / Math.cos((lat * Math.PI) / 180);
			}
		}
		xy[2 * i] = x;
		xy[2 * i + 1] = y;
	}
	return xy;
}

/**
 * The compact points payload -> a FeatureCollection for a clustered GeoJSON source (spread, see spreadPositions).
 * Feature ids are the actor ids, so a click gives the actor back without a lookup.
 */
export function pointsToGeoJson(points: CompactPoint[], kinds: string[]): GeoJSON.FeatureCollection<GeoJSON.Point, PointProps> {
	const features: GeoJSON.Feature<GeoJSON.Point, PointProps>[] = new Array(points.length);
	const xy = spreadPositions(points);
	for (let i = 0; i < points.length; i++) {
		const [id, , , kindIndex, approx] = points[i] as CompactPoint;
		features[i] = {
			type: 'Feature',
			id,
			geometry: { type: 'Point', coordinates: [xy[2 * i]!, xy[2 * i + 1]!] },
			properties: { id, kind: kinds[kindIndex] ?? 'unknown', approx: approx ? 1 : 0 }
		};
	}
	return { type: 'FeatureCollection', features };
}

/** Kinds actually present in a payload (for the legend). */
export function kindsPresent(points: CompactPoint[], kinds: string[]): Set<string> {
	const seen = new Set<number>();
	for (const p of points) seen.add(p[3]);
	return new Set([...seen].map((i) => kinds[i]).filter((k): k is string => k !== undefined));
}

/** Bounds [[west, south], [east, north]] of a payload, or null when empty. */
export function pointsBounds(points: CompactPoint[]): [[number, number], [number, number]] | null {
	if (points.length === 0) return null;
	let w = Infinity,
		s = Infinity,
		e = -Infinity,
		n = -Infinity;
	for (const [, lon, lat] of points) {
		if (lon < w) w = lon;
		if (lon > e) e = lon;
		if (lat < s) s = lat;
		if (lat > n) n = lat;
	}
	return [
		[w, s],
		[e, n]
	];
}
