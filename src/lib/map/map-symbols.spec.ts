import { describe, expect, it } from 'vitest';
import { APPROX_POINT, clusterRadius, clusterRadiusExpression, PRECISE_POINT, radiusAtZoom, statCircleFillOpacity, STAT_CIRCLE } from './map-symbols';

/** What MapLibre's `step` gives for an input (the expression the cluster layer paints with). */
function step(expression: unknown[], input: number): number {
	const [, , first, ...stops] = expression as [string, unknown, number, ...number[]];
	let out = first;
	for (let i = 0; i < stops.length; i += 2) if (input >= (stops[i] as number)) out = stops[i + 1] as number;
	return out;
}

describe('map symbols', () => {
	it('sizes a cluster the same way in the legend and in the layer’s expression', () => {
		for (const compact of [false, true]) {
			const expression = clusterRadiusExpression(['get', 'point_count'], compact);
			for (const n of [2, 9, 10, 12, 99, 100, 999, 1000, 25_000]) expect(step(expression, n), `${n}`).toBe(clusterRadius(n, compact));
		}
	});

	it('shrinks clusters under the statistics, never grows them, and bigger groups stay bigger', () => {
		for (const n of [2, 12, 150, 2000]) expect(clusterRadius(n, true)).toBeLessThan(clusterRadius(n, false));
		expect(clusterRadius(1000)).toBeGreaterThan(clusterRadius(100));
		expect(clusterRadius(100, true)).toBeGreaterThan(clusterRadius(10, true));
	});

	it('reads a point’s radius at a zoom as the map interpolates it', () => {
		expect(radiusAtZoom(PRECISE_POINT.radius, 7)).toBe(4.5);
		expect(radiusAtZoom(PRECISE_POINT.radius, 14)).toBe(7);
		expect(radiusAtZoom(PRECISE_POINT.radius, 10.5)).toBeCloseTo(5.75);
		expect(radiusAtZoom(APPROX_POINT.radius, 3)).toBe(3.5);
		expect(radiusAtZoom(APPROX_POINT.radius, 20)).toBe(6);
	});

	it('fills rate circles more than count circles (the colour is the class)', () => {
		expect(statCircleFillOpacity('count')).toBe(STAT_CIRCLE.fillOpacity);
		expect(statCircleFillOpacity('rate')).toBeGreaterThan(statCircleFillOpacity('count'));
	});
});
