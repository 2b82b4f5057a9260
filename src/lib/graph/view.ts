/** The part of the graph a page shows: filtered actors, usable relations, an optional focus, a size cap. */
import type { GraphIndex } from './graph-index';
import { neighbourhood } from './paths';

export interface ViewOptions {
	/** Actors the filters keep (by position); null: all. */
	allowed: Uint8Array | null;
	/** Relations the filters keep (edgeMask); null: all. */
	mask: Uint8Array | null;
	/** Show only this actor's neighbourhood (position), `depth` relations deep. */
	focus?: number;
	depth?: number;
	/** Keep at most this many actors, the most related first (ties: lower id). */
	limit?: number;
	/** Leave out the actors with no relation in the view (the focused actor always stays). */
	connectedOnly?: boolean;
}

export interface GraphView {
	/** Node positions, in id order. */
	nodes: number[];
	edges: number[];
	/** Relations of each shown actor within the view before the cap, by position. */
	degree: Map<number, number>;
	/** Actors in the view before the cap. */
	total: number;
	truncated: boolean;
}

export function buildView(index: GraphIndex, options: ViewOptions): GraphView {
	const n = index.nodes.length;
	const { allowed, mask } = options;
	let nodes: number[];
	if (options.focus !== undefined) nodes = neighbourhood(index, options.focus, options.depth ?? 1, mask, allowed).sort((a, b) => a - b);
	else nodes = allowed ? Array.from({ length: n }, (_, i) => i).filter((i) => allowed[i]) : Array.from({ length: n }, (_, i) => i);

	const inView = new Uint8Array(n);
	for (const i of nodes) inView[i] = 1;
	const degree = new Map<number, number>(nodes.map((i) => [i, 0]));
	const edgesAmong = (keep: Uint8Array) => {
		const out: number[] = [];
		for (let k = 0; k < index.edges.length; k++) {
			if (mask && mask[k] === 0) continue;
			if (keep[index.edgeSource[k]!] && keep[index.edgeTarget[k]!]) out.push(k);
		}
		return out;
	};
	let edges = edgesAmong(inView);
	for (const k of edges) {
		const s = index.edgeSource[k]!;
		const t = index.edgeTarget[k]!;
		degree.set(s, (degree.get(s) ?? 0) + 1);
		degree.set(t, (degree.get(t) ?? 0) + 1);
	}
	const linked = (list: number[], among: number[]) => {
		const touched = new Uint8Array(n);
		for (const k of among) touched[index.edgeSource[k]!] = touched[index.edgeTarget[k]!] = 1;
		return list.filter((i) => touched[i] || i === options.focus);
	};
	if (options.connectedOnly) nodes = linked(nodes, edges);
	const total = nodes.length;
	const limit = options.limit;
	if (limit !== undefined && total > limit) {
		const ranked = [...nodes].sort((a, b) => (degree.get(b) ?? 0) - (degree.get(a) ?? 0) || a - b);
		const kept = ranked.slice(0, limit);
		if (options.focus !== undefined && !kept.includes(options.focus)) kept[kept.length - 1] = options.focus;
		inView.fill(0);
		for (const i of kept) inView[i] = 1;
		nodes = kept.sort((a, b) => a - b);
		edges = edgesAmong(inView);
		// The cap may cut an actor off from all its neighbours: it would stand alone, which was asked against.
		if (options.connectedOnly) nodes = linked(nodes, edges);
	}
	return { nodes, edges, degree, total, truncated: nodes.length < total };
}
