import { describe, expect, it } from 'vitest';
import { area } from '@turf/turf';
import type { Polygon } from 'geojson';
import { dissolvePolygons, dropSlivers } from './dissolve';

const box = (x0: number, y0: number, x1: number, y1: number): Polygon => ({
	type: 'Polygon',
	coordinates: [
		[
			[x0, y0],
			[x1, y0],
			[x1, y1],
			[x0, y1],
			[x0, y0]
		]
	]
});

describe('dissolvePolygons', () => {
	it('merges adjacent squares into one outline', () => {
		const merged = dissolvePolygons([box(3, 45, 3.1, 45.1), box(3.1, 45, 3.2, 45.1)]);
		expect(merged?.type).toBe('Polygon');
		expect(area(merged!)).toBeCloseTo(area(box(3, 45, 3.2, 45.1)), -3);
	});

	it('keeps separate parts as a multipolygon', () => {
		const merged = dissolvePolygons([box(3, 45, 3.1, 45.1), box(3.5, 45, 3.6, 45.1)]);
		expect(merged?.type).toBe('MultiPolygon');
	});

	it('returns null for nothing and the input for a single polygon', () => {
		expect(dissolvePolygons([])).toBeNull();
		expect(dissolvePolygons([box(3, 45, 3.1, 45.1)])?.type).toBe('Polygon');
	});

	it('drops sliver holes left between neighbours but keeps real enclaves', () => {
		// Two halves with a 10 m gap between them in the middle, around a 1 km² enclave.
		const withHoles: Polygon = {
			type: 'Polygon',
			coordinates: [
				box(3, 45, 3.2, 45.2).coordinates[0]!,
				box(3.05, 45.05, 3.0501, 45.06).coordinates[0]!.slice().reverse(),
				box(3.1, 45.1, 3.115, 45.11).coordinates[0]!.slice().reverse()
			]
		};
		const cleaned = dropSlivers(withHoles, 50_000) as Polygon;
		expect(cleaned.coordinates).toHaveLength(2);
	});
});
