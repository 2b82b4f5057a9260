import { describe, expect, it } from 'vitest';
import type { FlowLink, FlowNode } from '$lib/pathways/types';
import { categoryColor, OTHER_COLOR } from './flow-colors';
import { layoutFlows, rankLabel } from './flow-layout';

const node = (rank: number, key: string, count: number): FlowNode => ({ id: `${rank}:${key}`, rank, key, label: key, count });
const link = (source: string, target: string, count: number): FlowLink => ({ source, target, count });

// « tiers-lieu rural → incubateur → financeur » and a few variants.
const nodes = [
	node(1, 'rural_third_place', 10),
	node(1, 'coworking', 4),
	node(2, 'incubator', 9),
	node(2, 'funder', 3),
	node(3, 'funder', 6),
	node(3, 'accelerator', 2),
	node(4, 'accelerator', 3)
];
const links = [
	link('1:rural_third_place', '2:incubator', 7),
	link('1:rural_third_place', '2:funder', 2),
	link('1:coworking', '2:incubator', 2),
	link('1:coworking', '2:funder', 1),
	link('2:incubator', '3:funder', 6),
	link('2:incubator', '3:accelerator', 2),
	link('3:funder', '4:accelerator', 3),
	// Within the « 4e étape et au-delà » column: cannot be drawn, must not throw.
	link('4:accelerator', '4:accelerator', 1)
];

describe('layoutFlows', () => {
	const layout = layoutFlows(nodes, links, { width: 800, labelRoom: 200 });

	it('puts each node in the column of its step rank, in rank order', () => {
		expect(layout.columns.map((c) => c.rank)).toEqual([1, 2, 3, 4]);
		const xs = layout.columns.map((c) => c.x);
		expect([...xs].sort((a, b) => a - b)).toEqual(xs);
		for (const n of layout.nodes) {
			const col = layout.columns.find((c) => c.rank === n.rank);
			expect(n.x0 + (n.x1 - n.x0) / 2).toBeCloseTo(col?.x ?? NaN);
		}
		expect(layout.nodes[0]?.x0).toBe(0);
		expect(Math.max(...layout.nodes.map((n) => n.x1))).toBeCloseTo(600);
	});

	it('sizes nodes and bands by their counts, inside the drawing', () => {
		const byId = new Map(layout.nodes.map((n) => [n.id, n]));
		const h = (id: string) => (byId.get(id)?.y1 ?? 0) - (byId.get(id)?.y0 ?? 0);
		expect(h('1:rural_third_place') / h('1:coworking')).toBeCloseTo(10 / 4);
		const band = (s: string, t: string) => layout.links.find((l) => l.source.id === s && l.target.id === t);
		expect((band('1:rural_third_place', '2:incubator')?.width ?? 0) / (band('2:incubator', '3:accelerator')?.width ?? 1)).toBeCloseTo(7 / 2);
		for (const n of layout.nodes) {
			expect(n.y0).toBeGreaterThanOrEqual(0);
			expect(n.y1).toBeLessThanOrEqual(layout.height + 1e-6);
			expect(n.y1 - n.y0).toBeGreaterThan(0);
		}
		// Nodes of one column never overlap.
		for (const c of layout.columns) {
			const col = layout.nodes.filter((n) => n.rank === c.rank).sort((a, b) => a.y0 - b.y0);
			col.slice(1).forEach((n, i) => expect(n.y0).toBeGreaterThanOrEqual((col[i]?.y1 ?? 0) - 1e-6));
		}
	});

	it('draws every forward link as a path, and counts the ones it cannot draw', () => {
		expect(layout.links).toHaveLength(7);
		expect(layout.hiddenLinks).toBe(1);
		for (const l of layout.links) expect(l.path).toMatch(/^M[\d.]+,[\d.]+C/);
		// Wide bands are drawn first so that thin ones stay visible on top.
		expect(layout.links[0]?.count).toBe(7);
	});

	it('colours nodes by category and keeps labels clear of the next column', () => {
		const incubator = layout.nodes.find((n) => n.id === '2:incubator');
		expect(incubator?.color).toBe(categoryColor('incubator'));
		for (const n of layout.nodes) expect(n.labelX).toBeGreaterThan(n.x1);
		const last = layout.nodes.find((n) => n.rank === 4);
		// The last column's labels go into the room kept on the right.
		expect((last?.labelX ?? 0) + layout.labelChars * 7).toBeLessThanOrEqual(800);
		const step = (layout.columns[1]?.x ?? 0) - (layout.columns[0]?.x ?? 0);
		expect(layout.labelChars * 7).toBeLessThan(step);
		expect(categoryColor('s42')).toBe(OTHER_COLOR);
		// A structure node coloured by the category it carries.
		const structure = layoutFlows([{ ...node(1, 's7', 2), category: 'funder' }], []).nodes[0];
		expect(structure?.color).toBe(categoryColor('funder'));
	});

	it('keeps each rank in its own column when no pathway crosses them all', () => {
		// d3-sankey would place by graph depth: rank 3 has no incoming link and would fall into column 1.
		const gap = layoutFlows([node(1, 'incubator', 2), node(2, 'funder', 2), node(3, 'accelerator', 1)], [link('1:incubator', '2:funder', 2)]);
		const right = 1100 - 230 - 14;
		expect(gap.nodes.map((n) => [n.rank, n.x0])).toEqual([
			[1, 0],
			[2, right / 2],
			[3, right]
		]);
	});

	it('returns an empty drawing for no data', () => {
		const none = layoutFlows([], []);
		expect(none.nodes).toEqual([]);
		expect(none.links).toEqual([]);
		expect(none.height).toBeGreaterThan(0);
	});

	it('grows taller with crowded columns, so labels keep a line each', () => {
		const many = Array.from({ length: 30 }, (_, i) => node(1, `s${i}`, 1));
		const tall = layoutFlows(many, []);
		expect(tall.height).toBeGreaterThan(30 * 20);
	});
});

describe('rankLabel', () => {
	it('writes French ordinals, the last column gathering later steps', () => {
		expect(rankLabel(1)).toBe('1re étape');
		expect(rankLabel(2)).toBe('2e étape');
		expect(rankLabel(4)).toBe('4e étape et au-delà');
	});
});
