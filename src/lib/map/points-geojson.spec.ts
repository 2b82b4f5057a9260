import { describe, expect, it } from 'vitest';
import type { CompactPoint } from './api-types';
import { kindsPresent, pointsBounds, pointsToGeoJson } from './points-geojson';

const kinds = ['person', 'organisation', 'third_place', 'event'];

describe('pointsToGeoJson', () => {
	it('turns the compact rows into features keyed by actor id', () => {
		const fc = pointsToGeoJson([[7, 3.08, 45.78, 1, 0]], kinds);
		expect(fc.features[0]).toEqual({
			type: 'Feature',
			id: 7,
			geometry: { type: 'Point', coordinates: [3.08, 45.78] },
			properties: { id: 7, kind: 'organisation', approx: 0 }
		});
	});

	it('spreads approximate points sharing a commune centre, never precise ones', () => {
		const rows: CompactPoint[] = [
			[1, 2.44, 44.93, 2, 1],
			[2, 2.44, 44.93, 2, 1],
			[3, 2.44, 44.93, 2, 1],
			[4, 2.44, 44.93, 1, 0]
		];
		const [a, b, c, d] = pointsToGeoJson(rows, kinds).features.map((f) => f.geometry.coordinates);
		expect(a).toEqual([2.44, 44.93]);
		expect(b).not.toEqual(a);
		expect(c).not.toEqual(b);
		expect(d).toEqual([2.44, 44.93]);
		// Within a few hundred metres of the centre.
		for (const p of [b, c]) expect(Math.hypot((p?.[0] ?? 0) - 2.44, (p?.[1] ?? 0) - 44.93)).toBeLessThan(0.01);
	});
});

describe('kindsPresent and pointsBounds', () => {
	const rows: CompactPoint[] = [
		[1, 2.5, 45, 0, 0],
		[2, 3.5, 46, 2, 1]
	];
	it('lists the kinds found', () => expect(kindsPresent(rows, kinds)).toEqual(new Set(['person', 'third_place'])));
	it('frames the points', () =>
		expect(pointsBounds(rows)).toEqual([
			[2.5, 45],
			[3.5, 46]
		]));
	it('has no bounds when empty', () => expect(pointsBounds([])).toBeNull());
});
