import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { booleanPointInPolygon } from '@turf/turf';
import { bboxOf, centroidOf, geometryFromPolygons, interiorPoint, isAreaGeometry, meanPoint, simplifyGeometry, type AreaGeometry } from './geometry';

const square: Polygon = {
	type: 'Polygon',
	coordinates: [
		[
			[3, 45],
			[3.1, 45],
			[3.1, 45.1],
			[3, 45.1],
			[3, 45]
		]
	]
};

/** A "C" shape whose centre of mass falls in the notch, outside the shape. */
const crescent: Polygon = {
	type: 'Polygon',
	coordinates: [
		[
			[0, 0],
			[3, 0],
			[3, 1],
			[1, 1],
			[1, 2],
			[3, 2],
			[3, 3],
			[0, 3],
			[0, 0]
		]
	]
};

describe('geometry helpers', () => {
	it('recognises area geometries only', () => {
		expect(isAreaGeometry(square)).toBe(true);
		expect(isAreaGeometry({ type: 'Point', coordinates: [3, 45] })).toBe(false);
		expect(isAreaGeometry(null)).toBe(false);
	});

	it('computes a bbox as [minLon, minLat, maxLon, maxLat]', () => {
		expect(bboxOf(square)).toEqual([3, 45, 3.1, 45.1]);
	});

	it('puts the centroid inside the shape, even for a crescent', () => {
		expect(centroidOf(square)).toEqual([3.05, 45.05]);
		const [lon, lat] = centroidOf(crescent);
		const insideBar = lon <= 1 || lat <= 1 || lat >= 2;
		expect(insideBar).toBe(true);
	});

	it('finds a point strictly inside a ring (donut) and a thin crescent, away from the border', () => {
		const donut: AreaGeometry = {
			type: 'Polygon',
			coordinates: [
				[
					[0, 0],
					[4, 0],
					[4, 4],
					[0, 4],
					[0, 0]
				],
				[
					[0.2, 0.2],
					[3.8, 0.2],
					[3.8, 3.8],
					[0.2, 3.8],
					[0.2, 0.2]
				]
			]
		};
		const p = centroidOf(donut);
		expect(booleanPointInPolygon(p, donut, { ignoreBoundary: true })).toBe(true);
		const q = interiorPoint(crescent)!;
		expect(booleanPointInPolygon(q, crescent, { ignoreBoundary: true })).toBe(true);
		// A vertex is on the border: the interior point never is one.
		expect(crescent.coordinates[0]!.some(([x, y]) => x === q[0] && y === q[1])).toBe(false);
	});

	it('averages points', () => {
		expect(meanPoint([])).toBeNull();
		expect(
			meanPoint([
				[3, 45],
				[4, 46]
			])
		).toEqual([3.5, 45.5]);
	});

	it('simplifies and rounds, and never loses a tiny polygon', () => {
		const dense: Polygon = {
			type: 'Polygon',
			coordinates: [[...Array.from({ length: 50 }, (_, i) => [3 + i * 0.002, 45 + 1e-7 * (i % 2)]), [3.1, 45.1], [3, 45.1], [3, 45]]]
		};
		const simple = simplifyGeometry(dense, 0.001);
		expect(simple.type).toBe('Polygon');
		expect((simple as Polygon).coordinates[0]!.length).toBeLessThan(10);
		const tiny: Polygon = {
			type: 'Polygon',
			coordinates: [
				[
					[3, 45],
					[3.000001, 45],
					[3.000001, 45.000001],
					[3, 45]
				]
			]
		};
		expect(simplifyGeometry(tiny, 0.01)).toBeTruthy();
	});

	it('builds the smallest geometry for a list of polygons', () => {
		expect(geometryFromPolygons([])).toBeNull();
		expect(geometryFromPolygons([square.coordinates])?.type).toBe('Polygon');
		expect(geometryFromPolygons([square.coordinates, square.coordinates])?.type).toBe('MultiPolygon');
	});
});
