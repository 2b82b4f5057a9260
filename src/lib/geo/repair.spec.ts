import { describe, expect, it } from 'vitest';
import { area, feature, kinks } from '@turf/turf';
import { repairGeometry } from './repair';

const ring = [
	[3, 45],
	[3.1, 45],
	[3.1, 45.1],
	[3, 45.1],
	[3, 45]
];

describe('repairGeometry', () => {
	it('accepts a valid polygon as is', () => {
		const result = repairGeometry({ type: 'Polygon', coordinates: [ring] });
		expect(result.status).toBe('valid');
	});

	it('closes rings and drops repeated points', () => {
		const result = repairGeometry({
			type: 'Polygon',
			coordinates: [
				[
					[3, 45],
					[3, 45],
					[3.1, 45],
					[3.1, 45.1],
					[3, 45.1]
				]
			]
		});
		expect(result.status).toBe('repaired');
		if (result.status !== 'repaired') return;
		expect(result.reasons).toContain('anneau non fermé refermé');
		expect(result.reasons).toContain('points répétés supprimés');
		expect(result.geometry.type === 'Polygon' && result.geometry.coordinates[0]).toEqual(ring);
	});

	it('untangles a bow-tie into a valid shape of the same area', () => {
		const bow = {
			type: 'Polygon' as const,
			coordinates: [
				[
					[3, 45],
					[3.1, 45.1],
					[3.1, 45],
					[3, 45.1],
					[3, 45]
				]
			]
		};
		const result = repairGeometry(bow);
		expect(result.status).toBe('repaired');
		if (result.status !== 'repaired') return;
		expect(result.reasons).toContain('auto-intersection corrigée');
		// Two triangles touching at one point: each part is simple.
		expect(result.geometry.type).toBe('MultiPolygon');
		for (const rings of result.geometry.type === 'MultiPolygon' ? result.geometry.coordinates : []) {
			expect(kinks(feature({ type: 'Polygon', coordinates: rings })).features).toHaveLength(0);
		}
		expect(area(result.geometry)).toBeGreaterThan(0);
	});

	it('drops degenerate parts of a multipolygon but keeps the rest', () => {
		const result = repairGeometry({
			type: 'MultiPolygon',
			coordinates: [
				[ring],
				[
					[
						[4, 45],
						[4.1, 45],
						[4, 45]
					]
				]
			]
		});
		expect(result.status).toBe('repaired');
		if (result.status === 'repaired') expect(result.geometry.type).toBe('Polygon');
	});

	it('rejects what cannot be repaired', () => {
		expect(repairGeometry(null).status).toBe('invalid');
		expect(repairGeometry({ type: 'Point', coordinates: [3, 45] }).status).toBe('invalid');
		expect(
			repairGeometry({
				type: 'Polygon',
				coordinates: [
					[
						[3, 45],
						[300, 45],
						[3, 46],
						[3, 45]
					]
				]
			}).status
		).toBe('invalid');
		expect(
			repairGeometry({
				type: 'Polygon',
				coordinates: [
					[
						[3, 45],
						[3, 46],
						[3, 45]
					]
				]
			}).status
		).toBe('invalid');
		expect(
			repairGeometry({
				type: 'Polygon',
				coordinates: [
					[
						[3, 45],
						['x', 46],
						[3, 46],
						[3, 45]
					]
				]
			}).status
		).toBe('invalid');
	});
});
