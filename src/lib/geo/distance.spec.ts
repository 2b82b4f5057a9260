import { describe, expect, it } from 'vitest';
import { distanceKm, radiusCircle, withinRadius } from './distance';

const clermont: [number, number] = [3.0863, 45.7772];
const riom: [number, number] = [3.1131, 45.8936];
const aurillac: [number, number] = [2.4397, 44.9264];

describe('distance search', () => {
	it('measures real distances between Auvergne towns', () => {
		expect(distanceKm(clermont, riom)).toBeGreaterThan(12.5);
		expect(distanceKm(clermont, riom)).toBeLessThan(13.5);
		expect(distanceKm(clermont, aurillac)).toBeGreaterThan(100);
	});
	it('keeps items within the radius, nearest first, without coordinates left out', () => {
		const items = [
			{ name: 'Aurillac', lon: aurillac[0], lat: aurillac[1] },
			{ name: 'Riom', lon: riom[0], lat: riom[1] },
			{ name: 'Sans lieu', lon: null, lat: null },
			{ name: 'Clermont', lon: clermont[0], lat: clermont[1] }
		];
		const near = withinRadius(items, clermont, 20);
		expect(near.map((i) => i.name)).toEqual(['Clermont', 'Riom']);
		expect(near[0]?.distanceKm).toBe(0);
		expect(near[1]?.distanceKm).toBeCloseTo(13, 0);
		expect(withinRadius(items, clermont, 200).map((i) => i.name)).toEqual(['Clermont', 'Riom', 'Aurillac']);
	});
	it('draws a closed circle of the right size', () => {
		const ring = radiusCircle(clermont, 10).geometry.coordinates[0]!;
		expect(ring[0]).toEqual(ring.at(-1));
		for (const p of ring.slice(0, 8)) expect(distanceKm(clermont, p as [number, number])).toBeCloseTo(10, 1);
	});
});
