import { describe, expect, it } from 'vitest';
import { distanceKm, idsWithinRadius, radiusCircle } from './distance';
import { seededRandom } from '../graph/random';

const clermont: [number, number] = [3.0863, 45.7772];
const riom: [number, number] = [3.1131, 45.8936];
const aurillac: [number, number] = [2.4397, 44.9264];

describe('distance search', () => {
	it('measures real distances between Auvergne towns', () => {
		expect(distanceKm(clermont, riom)).toBeGreaterThan(12.5);
		expect(distanceKm(clermont, riom)).toBeLessThan(13.5);
		expect(distanceKm(clermont, aurillac)).toBeGreaterThan(100);
	});
	it('keeps points within the radius, nearest first, equal distances by id', () => {
		const points = [
			{ id: 4, lon: aurillac[0], lat: aurillac[1] },
			{ id: 3, lon: riom[0], lat: riom[1] },
			{ id: 2, lon: clermont[0], lat: clermont[1] },
			{ id: 1, lon: clermont[0], lat: clermont[1] }
		];
		const near = idsWithinRadius(points, clermont, 20);
		expect(near.map((p) => p.id)).toEqual([1, 2, 3]);
		expect(near[0]?.distanceKm).toBe(0);
		expect(near[2]?.distanceKm).toBeCloseTo(13, 0);
		expect(idsWithinRadius(points, clermont, 200).map((p) => p.id)).toEqual([1, 2, 3, 4]);
	});
	it("gives Turf's distances to the last bit (the radius's edge and the order never differ)", () => {
		const random = seededRandom(18);
		const center: [number, number] = [2 + random() * 2, 44.6 + random() * 1.8];
		const points = Array.from({ length: 5000 }, (_, id) => ({ id, lon: 1.9 + random() * 2.4, lat: 44.5 + random() * 2 }));
		const exact = new Map(points.map((p) => [p.id, distanceKm(center, [p.lon, p.lat])]));
		const radius = [...exact.values()].sort((a, b) => a - b)[2500]!;
		const found = idsWithinRadius(points, center, radius);
		// The point exactly at the radius is kept, as distanceKm(…) <= radius keeps it.
		expect(found).toHaveLength(2501);
		const expected = [...exact].filter(([, d]) => d <= radius).sort((a, b) => a[1] - b[1] || a[0] - b[0]);
		expect(found.map((f) => f.id)).toEqual(expected.map(([id]) => id));
		expect(found.map((f) => f.distanceKm)).toEqual(expected.map(([, d]) => Math.round(d * 10) / 10));
	});
	it('draws a closed circle of the right size', () => {
		const ring = radiusCircle(clermont, 10).geometry.coordinates[0]!;
		expect(ring[0]).toEqual(ring.at(-1));
		for (const p of ring.slice(0, 8)) expect(distanceKm(clermont, p as [number, number])).toBeCloseTo(10, 1);
	});
});
