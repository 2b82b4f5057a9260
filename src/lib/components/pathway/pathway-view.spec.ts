import { describe, expect, it } from 'vitest';
import type { PathwayStep } from '$lib/pathways/types';
import { clusterStops, labelSides, pathwayGeometry, pathwaySummary, stepPeriod, stopsBounds } from './pathway-view';

function step(order: number, place: { lon: number | null; lat: number | null; commune?: string }, dateKnown = true): PathwayStep {
	return {
		order,
		relationId: order,
		type: 'incubated_by',
		label: 'incubée par',
		structure: {
			id: 100 + order,
			slug: `s-${order}`,
			name: `Structure ${order}`,
			kind: 'organisation',
			category: 'incubator',
			communeCode: null,
			communeName: place.commune ?? null,
			departementCode: null,
			epciCode: null,
			lon: place.lon,
			lat: place.lat
		},
		start: dateKnown ? `202${order}` : null,
		end: null,
		dateKnown,
		overlapsPrevious: false,
		source: null,
		confirmation: 'declared',
		description: null
	};
}

describe('stepPeriod', () => {
	it('never invents a date', () => {
		expect(stepPeriod(null, null)).toBe('date inconnue');
	});
	it('shows a start alone, and a one-year period as its year', () => {
		expect(stepPeriod('2023', null)).toBe('2023');
		expect(stepPeriod('2025', '2025')).toBe('2025');
		expect(stepPeriod('2023-06-09', null)).toBe('9 juin 2023');
	});
	it('writes French periods, with elision and « du … au … »', () => {
		expect(stepPeriod('2024-01', '2026-09')).toBe('de janvier 2024 à septembre 2026');
		// The shared year is said once (French-phrasing module).
		expect(stepPeriod('2024-04', '2024-08')).toBe("d'avril à août 2024");
		expect(stepPeriod('2024-08', '2025')).toBe("d'août 2024 à 2025");
		expect(stepPeriod('2024-03-14', '2024-05-02')).toBe('du 14 mars au 2 mai 2024');
		expect(stepPeriod('2019-03-14', '2020-04-02')).toBe('du 14 mars 2019 au 2 avril 2020');
		expect(stepPeriod('2019', '2021')).toBe('de 2019 à 2021');
		expect(stepPeriod(null, '2021-03')).toBe("jusqu'en mars 2021");
		expect(stepPeriod(null, '2021-03-18')).toBe("jusqu'au 18 mars 2021");
		expect(stepPeriod('2024-03-01', '2024-03-03')).toBe('du 1er au 3 mars 2024');
	});
});

describe('pathwayGeometry', () => {
	it('leaves out steps without coordinates and numbers the others as the timeline does', () => {
		const g = pathwayGeometry([step(1, { lon: 3, lat: 45 }), step(2, { lon: null, lat: null }), step(3, { lon: 3.5, lat: 45.5 })]);
		expect(g.stops.map((s) => s.label)).toEqual(['1', '3']);
		expect(g.line).toEqual([
			[3, 45],
			[3.5, 45.5]
		]);
	});
	it('shares one marker between steps at the same place, and the line does not stall there', () => {
		const g = pathwayGeometry([step(2, { lon: 3, lat: 45 }), step(1, { lon: 3, lat: 45 }), step(3, { lon: 4, lat: 46 })]);
		expect(g.stops.map((s) => s.label)).toEqual(['1, 2', '3']);
		expect(g.line).toHaveLength(2);
	});
	it('keeps undated steps off the line, since their place in time is unknown', () => {
		const g = pathwayGeometry([step(1, { lon: 3, lat: 45 }), step(2, { lon: 4, lat: 46 }), step(3, { lon: 5, lat: 44 }, false)]);
		expect(g.line).toHaveLength(2);
		expect(g.stops.find((s) => s.label === '3')?.undated).toBe(true);
		expect(g.stops.find((s) => s.label === '1')?.undated).toBe(false);
	});
	it('bounds the stops', () => {
		const g = pathwayGeometry([step(1, { lon: 3, lat: 45 }), step(2, { lon: 2.5, lat: 46 })]);
		expect(stopsBounds(g.stops)).toEqual([2.5, 45, 3, 46]);
		expect(stopsBounds([])).toBeNull();
	});
});

describe('pathwaySummary', () => {
	it('gives the count and the years covered, and owns up to undated steps', () => {
		expect(pathwaySummary([step(1, { lon: 3, lat: 45 }), step(3, { lon: 4, lat: 46 })])).toBe('2 étapes, de 2021 à 2023.');
		expect(pathwaySummary([step(1, { lon: 3, lat: 45 }), step(2, { lon: 3, lat: 45 }, false)])).toBe('2 étapes, en 2021, dont 1 sans date connue.');
		expect(pathwaySummary([step(1, { lon: 3, lat: 45 }, false)])).toBe('1 étape, sans date connue.');
	});
});

describe('clusterStops', () => {
	// One degree = 100 px: easy distances.
	const project = ([lon, lat]: [number, number]) => ({ x: lon * 100, y: -lat * 100 });
	it('merges stops too close on screen into one marker on the earliest place', () => {
		const { stops } = pathwayGeometry([
			step(1, { lon: 3, lat: 45, commune: 'A' }),
			step(2, { lon: 5, lat: 45, commune: 'B' }),
			step(3, { lon: 3.1, lat: 45, commune: 'C' })
		]);
		const shown = clusterStops(stops, project, 24);
		expect(shown.map((s) => s.label)).toEqual(['1, 3', '2']);
		expect(shown[0]?.lngLat).toEqual([3, 45]);
		expect(shown[0]?.place).toBe('A / C');
		// The input stops are left as they were (the map clusters again at each zoom).
		expect(stops.map((s) => s.label)).toEqual(['1', '2', '3']);
	});
	it('keeps them apart once zoomed in', () => {
		const { stops } = pathwayGeometry([step(1, { lon: 3, lat: 45 }), step(2, { lon: 3.1, lat: 45 })]);
		const zoomed = ([lon, lat]: [number, number]) => ({ x: lon * 1000, y: -lat * 1000 });
		expect(clusterStops(stops, zoomed, 24).map((s) => s.label)).toEqual(['1', '2']);
	});
});

describe('labelSides', () => {
	const at = (x: number, y: number, labelWidth = 60) => ({ x, y, markerWidth: 26, labelWidth });
	it('puts a name right of its marker, else left, else nowhere', () => {
		// The second marker sits where the first one's name would go: the first name moves left.
		expect(labelSides([at(100, 100), at(150, 100)], 400, 300)).toEqual(['left', 'right']);
		// Hemmed in on both sides, and at the right edge: no room for the middle name.
		expect(labelSides([at(100, 100), at(30, 100), at(170, 100)], 200, 300)).toEqual([null, null, null]);
	});
	it('keeps names inside the map and off reserved boxes', () => {
		expect(labelSides([at(380, 100)], 400, 300)).toEqual(['left']);
		expect(labelSides([at(300, 40)], 400, 300, [[356, 0, 400, 74]])).toEqual(['left']);
	});
});
