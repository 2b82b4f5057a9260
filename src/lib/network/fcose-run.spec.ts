import { describe, expect, it } from 'vitest';
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { nodeBox, runFcose } from './fcose-run';
import type { Positions } from './node-positions';

cytoscape.use(fcose);

// Two stars: a hub and seven leaves each, joined hub to hub.
const nodes = Array.from({ length: 16 }, (_, i) => ({ id: `n${i}`, w: 18, h: 18 }));
const edges: [string, string][] = [
	...nodes.slice(1, 8).map((n): [string, string] => ['n0', n.id]),
	...nodes.slice(9).map((n): [string, string] => ['n8', n.id]),
	['n0', 'n8']
];
const centre = (p: Positions, ids: string[]) => ids.reduce((s, id) => s + p[id]![0], 0) / ids.length;
const left = nodes.slice(0, 8).map((n) => n.id);
const right = nodes.slice(8).map((n) => n.id);

describe('runFcose', () => {
	it('drafts then refines from nothing', () => {
		const phases: string[] = [];
		runFcose(cytoscape, { nodes, edges }, (phase) => phases.push(phase));
		expect(phases).toEqual(['draft', 'final']);
	});

	it('refines from given positions (the server’s draft): the picture keeps its shape, spread in two dimensions', () => {
		const start: Positions = Object.fromEntries(
			nodes.map((n, i) => [n.id, [i < 8 ? -200 + (i % 3) * 30 : 200 + (i % 3) * 30, (i % 4) * 40] as [number, number]])
		);
		let final: Positions = {};
		const phases: string[] = [];
		runFcose(cytoscape, { nodes, edges, start }, (phase, p) => (phases.push(phase), (final = p)));
		expect(phases).toEqual(['final']);
		// The left star stays on the left.
		expect(centre(final, left)).toBeLessThan(centre(final, right));
		// Not collapsed onto a line (positions given with the elements are ignored by a headless Cytoscape).
		const diagonal = Object.values(final).filter(([x, y]) => Math.abs(x - y) < 1).length;
		expect(diagonal).toBeLessThan(3);
	});
});

describe('nodeBox', () => {
	it('makes room for the full name under the disc in a small view, only the disc otherwise', () => {
		expect(nodeBox(18, 'Club des dirigeants du Val de Cher', false)).toEqual({ w: 18, h: 18 });
		const named = nodeBox(18, 'Club des dirigeants du Val de Cher', true);
		expect(named.w).toBeGreaterThan(100);
		expect(named.w).toBeLessThanOrEqual(180);
		expect(named.h).toBeGreaterThan(18 + 2 * 12);
		const short = nodeBox(40, 'Lumigo', true);
		expect(short.w).toBeGreaterThanOrEqual(40);
		expect(short.w).toBeLessThan(80);
		expect(short.h).toBeLessThan(40 + 2 * 20);
	});

	it('spreads a small named view so that far fewer names overlap', () => {
		const label = 'Collectif des créateurs de la Limagne';
		const boxes = nodes.map((n) => ({ id: n.id, ...nodeBox(18, label, true) }));
		const overlaps = (input: typeof boxes) => {
			let final: Positions = {};
			runFcose(cytoscape, { nodes: input, edges }, (_p, p) => (final = p));
			return boxes.flatMap((a, i) =>
				boxes
					.slice(i + 1)
					.filter((b) => Math.abs(final[a.id]![0] - final[b.id]![0]) < (a.w + b.w) / 2 - 1 && Math.abs(final[a.id]![1] - final[b.id]![1]) < (a.h + b.h) / 2 - 1)
			).length;
		};
		const discsOnly = overlaps(nodes);
		const withNames = overlaps(boxes);
		expect(discsOnly).toBeGreaterThan(20);
		expect(withNames).toBeLessThan(discsOnly / 4);
	});
});
