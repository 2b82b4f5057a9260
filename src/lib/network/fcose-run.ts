/**
 * One fcose run on a headless Cytoscape, shared by the layout worker (the browser) and the server's first
 * picture of a view, so that both place the nodes the same way. Positions are keyed by node element id.
 */
import type { Core } from 'cytoscape';
import type cytoscapeLib from 'cytoscape';
import { fcoseOptions } from './fcose-options';
import { labelFont } from './graph-style';
import type { Positions } from './node-positions';
import { separate } from './separate';

type Cytoscape = typeof cytoscapeLib;

/** Up to this many actors, every name is written in full, and the layout makes room for the names. */
export const NAMED_VIEW = 40;

/**
 * The box fcose keeps clear around a node: its disc, and in a small view its full name under it (the
 * style's font for that size, wrapped at 180 px), so that names do not pile up on one another.
 */
export function nodeBox(size: number, label: string, named: boolean): { w: number; h: number } {
	if (!named) return { w: size, h: size };
	const font = labelFont(size);
	const text = label.length * 0.58 * font;
	const lines = Math.max(1, Math.ceil(text / 180));
	return { w: Math.max(size, Math.min(text, 180)), h: size + 3 + lines * font * 1.25 };
}

export interface FcoseInput {
	nodes: { id: string; w: number; h: number }[];
	edges: [string, string][];
	/** Where the nodes start: the refinement then goes on from there (no spectral draft). */
	start?: Positions;
}

function positionsOf(cy: Core): Positions {
	const out: Positions = {};
	cy.nodes().forEach((n) => {
		const p = n.position();
		out[n.id()] = [Math.round(p.x * 10) / 10, Math.round(p.y * 10) / 10];
	});
	return out;
}

/**
 * Runs the spectral draft (unless `start` is given), then the force-directed refinement unless `draftOnly`
 * or past 3,000 nodes, where the draft is kept as is; `emit` receives each phase's positions.
 */
export function runFcose(cytoscape: Cytoscape, input: FcoseInput, emit: (phase: 'draft' | 'final', positions: Positions) => void, draftOnly = false): void {
	const { nodes, edges, start } = input;
	const cy = cytoscape({
		headless: true,
		styleEnabled: true,
		style: [{ selector: 'node', style: { width: 'data(w)', height: 'data(h)' } }],
		elements: [
			...nodes.map((n) => ({ group: 'nodes' as const, data: { id: n.id, w: n.w, h: n.h } })),
			...edges.map((e, i) => ({ group: 'edges' as const, data: { id: `w${i}`, source: e[0], target: e[1] } }))
		]
	});
	try {
		// Positions given with the elements are dropped by a headless instance: set them afterwards.
		if (start) cy.nodes().positions((n) => ({ x: start[n.id()]?.[0] ?? 0, y: start[n.id()]?.[1] ?? 0 }));
		if (!start) {
			cy.layout(fcoseOptions(nodes.length, 'draft')).run();
			emit('draft', positionsOf(cy));
			if (draftOnly) return;
			if (nodes.length > 3000) return emit('final', positionsOf(cy));
		}
		cy.layout(fcoseOptions(nodes.length, 'final')).run();
		emit('final', separate(positionsOf(cy), nodes));
	} finally {
		cy.destroy();
	}
}

/** A fixed-seed generator (mulberry32): the same view gets the same picture on every visit. */
export function seededRandom(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Runs `fn` with Math.random replaced by a seeded generator (fcose draws from Math.random), synchronously. */
export function withSeed<T>(seed: number, fn: () => T): T {
	const original = Math.random;
	Math.random = seededRandom(seed);
	try {
		return fn();
	} finally {
		Math.random = original;
	}
}
