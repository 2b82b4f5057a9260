import { describe, expect, it } from 'vitest';
import type { FinderOption, FinderResult } from '$lib/pathways/types';
import { showDistance } from '$lib/geo/distance-precision';
import { optionDistance } from './route-format';
import { routeBounds, routeLine, routePins, spreadOffsets } from './route-geometry';

const option = (id: number, lon: number | null, lat: number | null): FinderOption => ({
	structure: {
		id,
		slug: `s${id}`,
		name: `S${id}`,
		kind: 'organisation',
		category: 'incubator',
		communeCode: null,
		communeName: null,
		departementCode: null,
		epciCode: null,
		lon,
		lat,
		stages: [],
		offers: [],
		sectors: []
	},
	distanceKm: 1,
	distance: showDistance(1, { accuracy: 'commune' }, { accuracy: 'exact' }),
	score: 1,
	parts: [],
	why: '',
	withinReach: true
});

const result: FinderResult = {
	stale: false,
	query: { stage: 'creation', sectors: [], commune: '15187', needs: [] },
	origin: { code: '15187', name: 'Saint-Flour', departementCode: '15', lon: 3.09, lat: 45.03, accuracy: 'commune', uncertaintyKm: 2, note: null },
	reachKm: 30,
	steps: [
		{
			order: 1,
			stage: 'creation',
			title: 'Créer',
			offers: [],
			nothingNear: false,
			options: [option(1, 3.2, 45.1), option(2, null, null), option(3, 2.4, 44.9)]
		},
		{ order: 2, stage: 'development', title: 'Développer', offers: [], nothingNear: true, options: [option(4, 3.08, 45.77)] }
	]
};

describe('route geometry', () => {
	it('pins every located option, first-ranked ones last (drawn on top)', () => {
		const pins = routePins(result);
		expect(pins.map((p) => p.option.structure.id)).toEqual([3, 4, 1]);
		expect(pins.map((p) => p.step)).toEqual([1, 2, 1]);
	});

	it('draws the way from the commune through the first located option of each step', () => {
		expect(routeLine(result).geometry.coordinates).toEqual([
			[3.09, 45.03],
			[3.2, 45.1],
			[3.08, 45.77]
		]);
	});

	it('frames the commune and every option', () => {
		const [[w, s], [e, n]] = routeBounds(result) as [[number, number], [number, number]];
		expect(w).toBeLessThan(2.4);
		expect(e).toBeGreaterThan(3.2);
		expect(s).toBeLessThan(44.9);
		expect(n).toBeGreaterThan(45.77);
	});

	it('shows the distance the server allows, or says it is unknown', () => {
		expect(optionDistance({ distance: showDistance(3.44, { accuracy: 'exact' }, { accuracy: 'exact' }) })).toBe('3,4\u00a0km');
		expect(optionDistance({ distance: showDistance(12.4, { accuracy: 'commune' }, { accuracy: 'exact' }) })).toBe('≈\u00a012\u00a0km');
		expect(optionDistance({ distance: null })).toBe('distance inconnue');
	});
});

describe('spreadOffsets', () => {
	it('leaves lone markers in place and rings the others around the first of their group', () => {
		const offsets = spreadOffsets([
			{ x: 100, y: 100 },
			{ x: 102, y: 101 },
			{ x: 100, y: 100 },
			{ x: 300, y: 300 }
		]);
		expect(offsets[0]).toEqual([0, 0]);
		expect(offsets[3]).toEqual([0, 0]);
		const placed = [1, 2].map((i) => [102 + (offsets[i]?.[0] ?? 0), 101 + (offsets[i]?.[1] ?? 0)]);
		// Both are now at least 26 px from the anchor and from each other.
		for (const [x = 0, y = 0] of placed) expect(Math.hypot(x - 100, y - 100)).toBeGreaterThanOrEqual(25);
		const [[x1 = 0, y1 = 0] = [], [x2 = 0, y2 = 0] = []] = placed;
		expect(Math.hypot(x1 - x2, y1 - y2)).toBeGreaterThanOrEqual(25);
	});
});
