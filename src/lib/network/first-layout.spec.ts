import { describe, expect, it } from 'vitest';
import type { GraphNode } from './api-types';
import { appearances } from './elements';
import { atEdgeLength, firstLayout, type FirstLayoutInput } from './first-layout';

// Two clusters joined by one relation, spread over Auvergne.
const nodes: GraphNode[] = Array.from(
	{ length: 24 },
	(_, i) =>
		({
			id: i + 1,
			slug: `a${i}`,
			label: `A${i}`,
			kind: i % 4 ? 'organisation' : 'person',
			category: i % 3 ? 'startup' : 'incubator',
			lon: 2.5 + (i % 6) * 0.2,
			lat: 45 + Math.floor(i / 6) * 0.2,
			degree: 0
		}) as GraphNode
);
const edges = [
	...Array.from({ length: 11 }, (_, i) => ({ source: 1, target: i + 2 })),
	...Array.from({ length: 11 }, (_, i) => ({ source: 13, target: i + 14 })),
	{ source: 1, target: 13 }
];
for (const e of edges) for (const id of [e.source, e.target]) nodes[id - 1]!.degree! += 1;
const input = (layout: FirstLayoutInput['layout']): FirstLayoutInput => ({
	nodes,
	edges,
	layout,
	centrality: 'degree',
	metrics: null,
	sizes: new Map([...appearances(nodes, null, 'degree', 'kind')].map(([id, a]) => [id, a.size]))
});

describe('firstLayout', () => {
	it('places every actor for every layout, keyed as Cytoscape keys them', async () => {
		for (const layout of ['fcose', 'concentric', 'grouped', 'geo'] as const) {
			const first = await firstLayout(input(layout));
			expect(first.layout).toBe(layout);
			expect(Object.keys(first.positions).sort()).toEqual(nodes.map((n) => `n${n.id}`).sort());
			for (const [x, y] of Object.values(first.positions)) expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
			expect(first.labels.length > 0).toBe(layout === 'grouped');
		}
	});

	it('gives the same fcose draft for the same view (a seeded draw), and it pulls related actors together', async () => {
		const a = await firstLayout(input('fcose'));
		const b = await firstLayout(input('fcose'));
		expect(b.positions).toEqual(a.positions);
		const at = (id: number) => a.positions[`n${id}`]!;
		const dist = (i: number, j: number) => Math.hypot(at(i)[0] - at(j)[0], at(i)[1] - at(j)[1]);
		// A leaf of the first star is nearer its hub than the other hub's leaves.
		expect(dist(2, 1)).toBeLessThan(dist(2, 20));
	});

	it('does not leave Math.random seeded after the draft', async () => {
		await firstLayout(input('fcose'));
		const draws = new Set(Array.from({ length: 5 }, () => Math.random()));
		expect(draws.size).toBe(5);
		await firstLayout(input('fcose'));
		expect(Math.random()).not.toBe([...draws][0]);
	});
});

describe('atEdgeLength', () => {
	it('scales a draft so that its median relation has the ideal length, keeping its shape', () => {
		const scaled = atEdgeLength(
			{ n1: [0, 0], n2: [10, 0], n3: [0, 20] },
			[
				{ source: 1, target: 2 },
				{ source: 1, target: 3 },
				{ source: 2, target: 3 }
			],
			80
		);
		// Lengths 10, 20 and 22.4: the median (20) becomes 80.
		expect(scaled).toEqual({ n1: [0, 0], n2: [40, 0], n3: [0, 80] });
		expect(atEdgeLength({ n1: [1, 1] }, [], 80)).toEqual({ n1: [1, 1] });
	});
});
