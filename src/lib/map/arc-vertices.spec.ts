import { describe, expect, it } from 'vitest';
import { arcsGeoJson, bundleArcs, type ArcPlace } from '$lib/explore/arcs';
import { arcVertices, MAIN_STRIDE, pickArc, rgb, segmentDistance, setArcActive, STATE_STRIDE } from './arc-vertices';

const places = new Map<number, ArcPlace>([
	[1, { lon: 3.08, lat: 45.78, key: 'Clermont' }],
	[2, { lon: 2.44, lat: 44.93, key: 'Aurillac' }],
	[3, { lon: 3.55, lat: 45.86, key: 'Thiers' }]
]);
const set = bundleArcs(
	[
		{ id: 10, source: 1, target: 2, type: 'finance', startDate: '2020-01-01' },
		{ id: 11, source: 3, target: 1, type: 'partenaire' }
	],
	(id) => places.get(id),
	{ year: 2019 }
);

describe('arcVertices', () => {
	const { features } = arcsGeoJson(set);
	const v = arcVertices(features.features, set.bundles.length);

	it('makes two triangles per curve segment and one per arrowhead, arc by arc', () => {
		const expected = features.features.reduce((n, f) => n + (f.geometry.type === 'LineString' ? (f.geometry.coordinates.length - 1) * 6 : 3), 0);
		expect(v.count).toBe(expected);
		expect(v.main.length).toBe(expected * MAIN_STRIDE);
		expect(v.state.length).toBe(expected * STATE_STRIDE);
		expect(v.first[0]).toBe(0);
		expect(v.first[1]).toBe(v.length[0]);
		expect(v.length[0]! + v.length[1]!).toBe(v.count);
	});

	it('places vertices in Web Mercator, with the arc’s colour and width', () => {
		// Clermont-Ferrand: x = (180 + 3.08) / 360.
		expect(v.main[0]).toBeCloseTo((180 + 3.08) / 360, 6);
		expect(v.main[1]).toBeGreaterThan(0.3);
		expect(v.main[1]).toBeLessThan(0.4);
		const [r, g, b] = rgb(set.bundles[0]!.color);
		expect([v.main[5], v.main[6], v.main[7]].map((x) => x!.toFixed(3))).toEqual([r, g, b].map((x) => x.toFixed(3)));
		expect(Math.abs(v.main[4]!)).toBeCloseTo(features.features[0]!.properties.width / 2 + 1, 5);
	});

	it('keeps the year’s state per arc, changed in place', () => {
		const first = set.bundles.findIndex((b) => b.active === 0);
		expect(first).toBeGreaterThanOrEqual(0);
		expect(v.state[v.first[first]! * STATE_STRIDE]).toBe(0);
		setArcActive(v, first, true);
		for (let i = v.first[first]!; i < v.first[first]! + v.length[first]!; i++) expect(v.state[i * STATE_STRIDE]).toBe(1);
	});
});

describe('pickArc', () => {
	const curves = [
		{
			arc: 0,
			halfWidth: 2,
			points: [
				[0, 0],
				[100, 0]
			] as [number, number][]
		},
		{
			arc: 1,
			halfWidth: 4,
			points: [
				[50, -50],
				[50, 50]
			] as [number, number][]
		}
	];
	it('takes the arc drawn last where strokes cross, the nearest one nearby, none far away', () => {
		expect(pickArc(curves, [50, 1])).toBe(1);
		expect(pickArc(curves, [10, 1])).toBe(0);
		expect(pickArc(curves, [10, 4])).toBe(0);
		expect(pickArc(curves, [10, 30])).toBeNull();
	});
	it('measures a point’s distance to a segment', () => {
		expect(segmentDistance([5, 3], [0, 0], [10, 0])).toBe(3);
		expect(segmentDistance([-4, 3], [0, 0], [10, 0])).toBe(5);
	});
});
