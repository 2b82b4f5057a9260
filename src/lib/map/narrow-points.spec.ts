import { describe, expect, it } from 'vitest';
import type { CompactPoint } from './api-types';
import { kindsToShow, narrowByKind } from './narrow-points';

const kinds = ['person', 'organisation', 'third_place', 'event'];
const points: CompactPoint[] = [
	[1, 3.1, 45.7, 0, 1],
	[2, 3.2, 45.8, 1, 0],
	[3, 2.4, 44.9, 2, 1],
	[4, 3.9, 45.0, 1, 1]
];
const all = { key: 'sector=health', points, kinds };

describe('narrowByKind', () => {
	it('keeps the points of the chosen kinds when only the kind changes', () => {
		expect(narrowByKind(all, 'kind=organisation&sector=health')?.map((p) => p[0])).toEqual([2, 4]);
		expect(narrowByKind(all, 'kind=person&kind=third_place&sector=health')?.map((p) => p[0])).toEqual([1, 3]);
		expect(narrowByKind(all, 'sector=health')).toBe(points);
	});
	it('refuses when another filter changed or the known answer was already narrowed', () => {
		expect(narrowByKind(all, 'kind=organisation&sector=digital')).toBeNull();
		expect(narrowByKind(all, 'kind=organisation&sector=health&q=volcan')).toBeNull();
		expect(narrowByKind({ ...all, key: 'kind=person&sector=health' }, 'kind=organisation&sector=health')).toBeNull();
	});
});

describe('kindsToShow', () => {
	it('names the kinds to show when only the kind changes, none for all', () => {
		expect(kindsToShow('sector=health', 'kind=organisation&kind=event&sector=health')).toEqual(['organisation', 'event']);
		expect(kindsToShow('sector=health', 'sector=health')).toEqual([]);
		expect(kindsToShow('sector=health', 'sector=digital')).toBeNull();
		expect(kindsToShow('kind=person', 'kind=organisation')).toBeNull();
	});
});
