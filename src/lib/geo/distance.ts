import { circle, distance } from '@turf/turf';
import type { Feature, Polygon } from 'geojson';
import type { LonLat } from './geometry';

export interface Located {
	lon: number | null;
	lat: number | null;
}

/** Great-circle distance in kilometres (Turf, WGS84 sphere). */
export function distanceKm(a: LonLat, b: LonLat): number {
	return distance(a, b, { units: 'kilometers' });
}

/**
 * Items within `radiusKm` of `center`, nearest first, each with its distance rounded to 0.1 km.
 * Items without coordinates are left out; ties keep their input order.
 */
export function withinRadius<T extends Located>(items: T[], center: LonLat, radiusKm: number): (T & { distanceKm: number })[] {
	const out: (T & { distanceKm: number; exact: number })[] = [];
	for (const item of items) {
		if (item.lon == null || item.lat == null) continue;
		const d = distanceKm(center, [item.lon, item.lat]);
		if (d <= radiusKm) out.push({ ...item, distanceKm: Math.round(d * 10) / 10, exact: d });
	}
	out.sort((a, b) => a.exact - b.exact);
	return out.map(({ exact: _exact, ...rest }) => rest as T & { distanceKm: number });
}

/** The circle drawn on the map for a radius search (64 steps is smooth at every zoom we use). */
export function radiusCircle(center: LonLat, radiusKm: number): Feature<Polygon> {
	return circle(center, radiusKm, { units: 'kilometers', steps: 64 });
}
