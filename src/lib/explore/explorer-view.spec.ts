import { describe, expect, it } from 'vitest';
import { outsideCircle, union } from './explorer-view';

const graph = {
	nodes: [
		{ id: 1, slug: 'volcabio', lon: 3.087, lat: 45.777 },
		{ id: 2, slug: 'cantal-lab', lon: 2.444, lat: 44.926 },
		{ id: 3, slug: 'sans-lieu', lon: null, lat: null }
	],
	edges: [
		{ id: 10, source: 1, target: 2, type: 'funded_by' },
		{ id: 11, source: 1, target: 1, type: 'member_of' }
	]
};

describe('explorer view', () => {
	it('hides the graph’s actors outside the map’s circle, their relations, and actors with no position', () => {
		const h = outsideCircle(graph as never, [3.08, 45.78], 20);
		expect([...h.nodes]).toEqual([2, 3]);
		expect([...h.edges]).toEqual([10]);
		expect(outsideCircle(graph as never, null, 20).nodes.size).toBe(0);
		// Aurillac is ≈ 107 km from Clermont-Ferrand.
		expect([...outsideCircle(graph as never, [3.08, 45.78], 110).nodes]).toEqual([3]);
	});

	it('joins the year’s and the circle’s hidden elements', () => {
		const a = { nodes: new Set([1]), edges: new Set([10]) };
		const b = { nodes: new Set([2]), edges: new Set<number>() };
		expect([...union(a, b).nodes]).toEqual([1, 2]);
		const none = { nodes: new Set<number>(), edges: new Set<number>() };
		expect(union(a, none)).toBe(a);
		expect(union(none, b)).toBe(b);
	});
});
