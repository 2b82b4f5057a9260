import { describe, expect, it } from 'vitest';
import type { StatItem } from './api-types';
import { circleLegend, circleRadius, classColors, classIndex, classLegend, niceFloor, statsFeatures, CHOROPLETH_RAMP } from './stats-scale';

const item = (code: string, count: number, per10k: number | null, hasOutline: boolean): StatItem => ({
	code,
	name: `T ${code}`,
	count,
	population: 10_000,
	per10k,
	centroid: [3, 45],
	hasOutline
});
const square: GeoJSON.Polygon = {
	type: 'Polygon',
	coordinates: [
		[
			[0, 0],
			[1, 0],
			[1, 1],
			[0, 0]
		]
	]
};

describe('class breaks', () => {
	it('puts a value in the first class whose upper bound holds it', () => {
		expect(classIndex(0, [2, 5, 9])).toBe(0);
		expect(classIndex(2, [2, 5, 9])).toBe(0);
		expect(classIndex(2.1, [2, 5, 9])).toBe(1);
		expect(classIndex(50, [2, 5, 9])).toBe(2);
	});
	it('spreads few classes over the whole ramp', () => {
		expect(classColors(2)).toEqual([CHOROPLETH_RAMP[0], CHOROPLETH_RAMP[4]]);
		expect(classColors(5)).toEqual([...CHOROPLETH_RAMP]);
	});
	it('labels classes in French number format', () => {
		expect(classLegend([2.5, 10, 1200]).map((c) => c.label)).toEqual(['≤ 2,5', '2,5 – 10', `10 – 1${'\u202f'}200`]);
	});
});

describe('proportional circles', () => {
	it('scales the area, not the radius', () => {
		expect(circleRadius(100, 100, 30)).toBe(30);
		expect(circleRadius(25, 100, 30)).toBe(15);
		expect(circleRadius(0, 100)).toBe(0);
	});
	it('offers round reference values', () => {
		expect(niceFloor(737)).toBe(500);
		expect(circleLegend(737).map((c) => c.value)).toEqual([500, 100, 20]);
	});
});

describe('statsFeatures', () => {
	it('draws rates as a choropleth where outlines exist, circles elsewhere; counts always as circles', () => {
		const items = [item('63', 100, 1.5, true), item('200066637', 10, 9, false)];
		const outlines = new Map<string, GeoJSON.Geometry>([['63', square]]);
		const rate = statsFeatures(items, 'rate', [2, 10], 9, outlines);
		expect(rate.fills.features.map((f) => f.properties.code)).toEqual(['63']);
		expect(rate.circles.features.map((f) => f.properties.code)).toEqual(['200066637']);
		expect(rate.fills.features[0]?.properties.label).toBe('1,5 pour 10 000 hab. (100 acteurs)');
		const count = statsFeatures(items, 'count', [10, 100], 100, outlines);
		expect(count.fills.features).toHaveLength(0);
		expect(count.circles.features.map((f) => f.properties.code)).toEqual(['63', '200066637']);
	});
});
