import { describe, expect, it } from 'vitest';
import { clusterKindCounts, kindShown, shownCount, shownCountOf } from './cluster-kinds';

describe('cluster counts per kind', () => {
	it('declares one counter per kind of actor', () => {
		expect(Object.keys(clusterKindCounts())).toEqual(['person', 'organisation', 'third_place', 'event']);
		expect(clusterKindCounts().event).toEqual(['+', ['case', ['==', ['get', 'kind'], 'event'], 1, 0]]);
	});
	it('counts the kinds shown, all of them when none is chosen', () => {
		expect(shownCount([])).toEqual(['get', 'point_count']);
		expect(shownCount(['event'])).toEqual(['get', 'event']);
		expect(shownCount(['event', 'person'])).toEqual(['+', ['get', 'event'], ['get', 'person']]);
		const cluster = { point_count: 9, person: 5, organisation: 3, third_place: 1, event: 0 };
		expect(shownCountOf(cluster, [])).toBe(9);
		expect(shownCountOf(cluster, ['organisation', 'third_place'])).toBe(4);
		expect(shownCountOf(cluster, ['event'])).toBe(0);
	});
	it('filters single points by kind', () => {
		expect(kindShown([])).toBe(true);
		expect(kindShown(['person'])).toEqual(['in', ['get', 'kind'], ['literal', ['person']]]);
	});
});
