import { describe, expect, it } from 'vitest';
import { outlineRings } from './geo-backdrop';
import { geoPositions, geoProjection } from './positions';

describe('outlines under the geographic layout', () => {
	const nodes = [
		{ id: 1, lon: 3.087, lat: 45.777 }, // Clermont-Ferrand
		{ id: 2, lon: 2.444, lat: 44.926 }, // Aurillac
		{ id: 3, lon: 3.548, lat: 45.856 } // Thiers
	];

	it('projects places as the layout places the nodes: a node stands where its place is on the outline', () => {
		const project = geoProjection(nodes)!;
		const placed = geoPositions(nodes);
		for (const n of nodes) expect(project(n.lon, n.lat)).toEqual(placed.get(n.id));
		// North is up, east is right.
		expect(project(3.087, 45.777).y).toBeLessThan(project(2.444, 44.926).y);
		expect(project(3.548, 45.856).x).toBeGreaterThan(project(3.087, 45.777).x);
	});

	it('reads every ring of polygons and multipolygons, and skips what has no outline', () => {
		const project = geoProjection(nodes)!;
		const square = [
			[3, 45],
			[3.5, 45],
			[3.5, 45.5],
			[3, 45]
		];
		const rings = outlineRings(
			[
				{ geometry: { type: 'Polygon', coordinates: [square] } },
				{ geometry: { type: 'MultiPolygon', coordinates: [[square], [square, square]] } },
				{ geometry: { type: 'Point', coordinates: [3, 45] } },
				{ geometry: null }
			],
			project
		);
		expect(rings).toHaveLength(4);
		expect(rings[0]![1]).toEqual(project(3.5, 45));
	});

	it('has no projection when no node has a place', () => {
		expect(geoProjection([{ lon: null, lat: null }])).toBeNull();
	});
});
