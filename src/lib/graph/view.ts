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

/**
 * Typed arrays, not maps: at 100,000 actors and 500,000 relations the default view is read after every write
 * (0.2 s alone, up to 0.9 s under `npm run bench:load` with maps and a comparator reading them).
 */
export function buildView(index: GraphIndex, options: ViewOptions): GraphView {
	const n = index.nodes.length;
	const { allowed, mask } = options;
	let nodes: number[];
	if (options.focus !== undefined) nodes = neighbourhood(index, options.focus, options.depth ?? 1, mask, allowed).sort((a, b) => a - b);
	else if (allowed) {
		nodes = [];
		for (let i = 0; i < n; i++) if (allowed[i]) nodes.push(i);
	} else nodes = Array.from({ length: n }, (_, i) => i);

	const inView = new Uint8Array(n);
	for (const i of nodes) inView[i] = 1;
	const edgesAmong = (keep: Uint8Array) => {
		const out: number[] = [];
		for (let k = 0; k < index.edges.length; k++) {
			if (mask && mask[k] === 0) continue;
			if (keep[index.edgeSource[k]!] && keep[index.edgeTarget[k]!]) out.push(k);
		}
		return out;
	};
	let edges = edgesAmong(inView);
	const degrees = new Int32Array(n);
	for (const k of edges) {
		degrees[index.edgeSource[k]!]!++;
		degrees[index.edgeTarget[k]!]!++;
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
		const { kept, lastRanked } = mostRelated(nodes, degrees, limit);
		if (options.focus !== undefined && !kept.includes(options.focus)) {
			// In place of the least related kept (the last in the ranking).
			kept.splice(kept.indexOf(lastRanked), 1);
			kept.push(options.focus);
		}
		inView.fill(0);
		for (const i of kept) inView[i] = 1;
		nodes = kept.sort((a, b) => a - b);
		edges = edgesAmong(inView);
		// The cap may cut an actor off from all its neighbours: it would stand alone, which was asked against.
		if (options.connectedOnly) nodes = linked(nodes, edges);
	}
	// Degrees within the view before the cap, for the actors shown.
	const degree = new Map<number, number>(nodes.map((i) => [i, degrees[i]!]));
	return { nodes, edges, degree, total, truncated: nodes.length < total };
}

/**
 * The `limit` actors of `nodes` (in id order) with the most relations, ties to the lower id, in id order: what
 * sorting them all by (degree desc, id) then cutting gives, in linear time (counts per degree). `lastRanked` is
 * the one that sort would have put last.
 */
function mostRelated(nodes: number[], degrees: Int32Array, limit: number): { kept: number[]; lastRanked: number } {
	let max = 0;
	for (const i of nodes) if (degrees[i]! > max) max = degrees[i]!;
	const perDegree = new Int32Array(max + 1);
	for (const i of nodes) perDegree[degrees[i]!]!++;
	// The degree where the ranking reaches `limit`, and how many of that degree are kept (the lower ids).
	let threshold = max;
	let above = 0;
	while (above + perDegree[threshold]! < limit) above += perDegree[threshold--]!;
	let atThreshold = limit - above;
	let lastRanked = -1;
	const kept: number[] = [];
	for (const i of nodes) {
		const d = degrees[i]!;
		if (d > threshold) kept.push(i);
		else if (d === threshold && atThreshold > 0) {
			kept.push(i);
			lastRanked = i;
			atThreshold--;
		}
	}
	return { kept, lastRanked };
}
