import { circle, distance } from '@turf/turf';
import type { Feature, Polygon } from 'geojson';
import type { LonLat } from './geometry';

/** Great-circle distance in kilometres (Turf, WGS84 sphere). */
export function distanceKm(a: LonLat, b: LonLat): number {
	return distance(a, b, { units: 'kilometers' });
}

/** Turf's kilometre factor (its earth radius, 6,371,008.8 m). */
const KM_PER_RADIAN = 6371008.8 / 1e3;
const radians = (degrees: number) => ((degrees % 360) * Math.PI) / 180;

/**
 * The points within `radiusKm` of `center`, for thousands of them given by id (« autour de » Clermont-Ferrand reads 11,000 at 100,000 actors):
 * the same distances as distanceKm (Turf's haversine, written out in its order of operations so every figure is the
 * same to the last bit: distance.spec.ts), in one loop without a GeoJSON point or an object per item. Nearest first,
 * equal distances by id.
 */
export function idsWithinRadius(
	points: readonly { id: number; lon: number; lat: number }[],
	center: LonLat,
	radiusKm: number
): { id: number; distanceKm: number }[] {
	const lat1 = radians(center[1]);
	const cosLat1 = Math.cos(lat1);
	const found: { id: number; exact: number }[] = [];
	for (const p of points) {
		const dLat = radians(p.lat - center[1]);
		const dLon = radians(p.lon - center[0]);
		const a = Math.pow(Math.sin(dLat / 2), 2) + Math.pow(Math.sin(dLon / 2), 2) * cosLat1 * Math.cos(radians(p.lat));
		const d = 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a)) * KM_PER_RADIAN;
		if (d <= radiusKm) found.push({ id: p.id, exact: d });
	}
	found.sort((x, y) => x.exact - y.exact || x.id - y.id);
	return found.map((f) => ({ id: f.id, distanceKm: Math.round(f.exact * 10) / 10 }));
}

/** The circle drawn on the map for a radius search (64 steps is smooth at every zoom we use). */
export function radiusCircle(center: LonLat, radiusKm: number): Feature<Polygon> {
	return circle(center, radiusKm, { units: 'kilometers', steps: 64 });
}
