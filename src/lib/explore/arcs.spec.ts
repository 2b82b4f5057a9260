import { describe, expect, it } from 'vitest';
import { RELATION_FAMILIES, edgeColor } from '$lib/network/graph-style';
import { arcWidth, arcsGeoJson, bundleArcs, curve, flowArcs, pathSteps, type ArcPlace, type ArcRelation } from './arcs';

const CLERMONT: ArcPlace = { lon: 3.087, lat: 45.777, key: '63113' };
const AURILLAC: ArcPlace = { lon: 2.444, lat: 44.926, key: '15014' };
const LE_PUY: ArcPlace = { lon: 3.885, lat: 45.043, key: '43157' };
const places = new Map<number, ArcPlace>([
	[1, CLERMONT],
	[2, AURILLAC],
	[3, LE_PUY],
	[4, CLERMONT],
	[5, AURILLAC]
]);
const placeOf = (id: number) => places.get(id);
const rel = (id: number, source: number, target: number, type = 'funded_by', startDate: string | null = null, endDate: string | null = null): ArcRelation => ({
	id,
	source,
	target,
	type,
	startDate,
	endDate
});
const support = RELATION_FAMILIES.find((f) => f.id === 'support')!.color;
const network = RELATION_FAMILIES.find((f) => f.id === 'network')!.color;

/** Signed side of `p` relative to the line a→b: > 0 left, < 0 right. */
const side = (a: [number, number], b: [number, number], p: [number, number]) => (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]);

describe('curve', () => {
	it('starts and ends at the two places and bends to the left of its direction', () => {
		const a: [number, number] = [CLERMONT.lon, CLERMONT.lat];
		const b: [number, number] = [AURILLAC.lon, AURILLAC.lat];
		const line = curve(a, b);
		expect(line[0]).toEqual(a);
		expect(line.at(-1)![0]).toBeCloseTo(b[0], 9);
		expect(line.at(-1)![1]).toBeCloseTo(b[1], 9);
		expect(side(a, b, line[8]!)).toBeGreaterThan(0);
		// The way back bends to the other side of the straight line: the two arcs do not overlap.
		expect(side(a, b, curve(b, a)[8]!)).toBeLessThan(0);
	});

	it('bends further with a larger bend', () => {
		const a: [number, number] = [3, 45];
		const b: [number, number] = [4, 45];
		expect(Math.abs(curve(a, b, 0.3)[8]![1] - 45)).toBeGreaterThan(Math.abs(curve(a, b, 0.1)[8]![1] - 45));
	});
});

describe('bundleArcs', () => {
	it('merges relations between the same two places and family into one arc with their count', () => {
		const set = bundleArcs([rel(1, 1, 2), rel(2, 4, 5, 'incubated_by'), rel(3, 1, 2, 'partner_of')], placeOf);
		expect(set.bundles).toHaveLength(2);
		const funding = set.bundles.find((b) => b.color === support)!;
		expect(funding.relations).toEqual([1, 2]);
		expect(funding.directed).toBe(true);
		const partner = set.bundles.find((b) => b.color === network)!;
		expect(partner.relations).toEqual([3]);
		expect(partner.directed).toBe(false);
		expect(set.drawn).toBe(3);
	});

	it('takes its colours from the graph’s relation families', () => {
		const set = bundleArcs([rel(1, 1, 2, 'founded'), rel(2, 1, 3, 'organises')], placeOf);
		expect(set.bundles.map((b) => b.color)).toEqual([edgeColor('founded'), edgeColor('organises')]);
		expect(new Set(set.bundles.map((b) => b.color)).size).toBe(2);
	});

	it('counts relations within one place and relations with an end that has no position apart', () => {
		const set = bundleArcs([rel(1, 1, 4), rel(2, 1, 99), rel(3, 1, 2)], placeOf);
		expect(set).toMatchObject({ local: 1, unplaced: 1, drawn: 1, thinned: 0 });
	});

	it('keeps one arc per relation when not bundling (a path, a neighbourhood)', () => {
		expect(bundleArcs([rel(1, 1, 2), rel(2, 4, 5)], placeOf, { bundle: false }).bundles).toHaveLength(2);
	});

	it('keeps the strongest arcs beyond the cap, and never drops a path’s steps', () => {
		const relations = [rel(1, 1, 2), rel(2, 4, 5), rel(3, 4, 2), rel(4, 1, 3), rel(5, 3, 2, 'founded')];
		const thin = bundleArcs(relations, placeOf, { maxArcs: 1 });
		expect(thin.bundles).toHaveLength(1);
		expect(thin.bundles[0]!.relations).toEqual([1, 2, 3]);
		expect(thin).toMatchObject({ drawn: 3, thinned: 2 });
		const withPath = bundleArcs(relations, placeOf, { maxArcs: 1, steps: new Map([[5, 1]]) });
		expect(withPath.bundles[0]!.relations).toEqual([5]);
		expect(withPath.bundles[0]!.step).toBe(1);
	});

	it('counts the relations active in the year asked', () => {
		const set = bundleArcs([rel(1, 1, 2, 'funded_by', '2015', '2017'), rel(2, 4, 5, 'funded_by', '2020')], placeOf, { year: 2016 });
		expect(set.bundles[0]!.active).toBe(1);
		expect(bundleArcs([rel(1, 1, 2, 'funded_by', '2015', '2017')], placeOf, { year: 2019 }).bundles[0]!.active).toBe(0);
	});
});

describe('path steps', () => {
	it('numbers a path’s relations in its order and puts each number on its arc', () => {
		const path = { edges: [{ id: 7 }, { id: 3 }] };
		const steps = pathSteps(path);
		expect([...steps]).toEqual([
			[7, 1],
			[3, 2]
		]);
		const set = bundleArcs([rel(3, 2, 3), rel(7, 1, 2)], placeOf, { bundle: false, steps });
		const { steps: marks } = arcsGeoJson(set);
		expect(marks.map((m) => m.step)).toEqual([1, 2]);
		// Step 1 (Clermont → Aurillac) sits between the two towns.
		expect(marks[0]!.at[0]).toBeGreaterThan(AURILLAC.lon);
		expect(marks[0]!.at[0]).toBeLessThan(CLERMONT.lon + 0.5);
	});
});

describe('arcsGeoJson', () => {
	it('draws a curve per arc, an arrowhead for directed ones, with width by count', () => {
		const set = bundleArcs([rel(1, 1, 2), rel(2, 4, 5), rel(3, 1, 3, 'partner_of')], placeOf);
		const { features } = arcsGeoJson(set);
		const lines = features.features.filter((f) => f.geometry.type === 'LineString');
		const heads = features.features.filter((f) => f.geometry.type === 'Polygon');
		expect(lines).toHaveLength(2);
		expect(heads).toHaveLength(1);
		expect(lines[0]!.properties).toMatchObject({ arc: 0, count: 2, width: arcWidth(2), color: support, active: 1, step: 0 });
		expect(arcWidth(2)).toBeGreaterThan(arcWidth(1));
		expect(arcWidth(10_000)).toBe(9);
	});

	it('bends a second arc between the same places further, whichever its direction', () => {
		const set = bundleArcs([rel(1, 1, 2), rel(2, 1, 2, 'founded')], placeOf);
		const [a, b] = arcsGeoJson(set).features.features.filter((f) => f.geometry.type === 'LineString') as GeoJSON.Feature<GeoJSON.LineString>[];
		const mid = (f: GeoJSON.Feature<GeoJSON.LineString>) => f.geometry.coordinates[8]!;
		expect(mid(a!)).not.toEqual(mid(b!));
	});

	it('draws thousands of arcs with fewer points each', () => {
		const many = Array.from({ length: 1600 }, (_, i) => rel(i, 1, 2, 'funded_by'));
		const one = arcsGeoJson(bundleArcs(many, placeOf, { bundle: false })).features.features[0] as GeoJSON.Feature<GeoJSON.LineString>;
		const few = arcsGeoJson(bundleArcs(many.slice(0, 10), placeOf, { bundle: false })).features.features[0] as GeoJSON.Feature<GeoJSON.LineString>;
		expect(one.geometry.coordinates.length).toBeLessThan(few.geometry.coordinates.length);
	});
});

describe('flowArcs', () => {
	it('sums the relations between two territories both ways into one arc', () => {
		const set = flowArcs([rel(1, 1, 2), rel(2, 5, 4, 'partner_of'), rel(3, 1, 4), rel(4, 2, 3, 'partner_of')], placeOf);
		expect(set.bundles).toHaveLength(2);
		expect(set.bundles[0]!.relations).toEqual([1, 2]);
		expect(set.bundles[0]!.directed).toBe(false);
		expect(set.local).toBe(1);
		expect(set.bundles[1]!.color).toBe(network);
	});
});
