import type { EntityKind } from '$lib/domain/vocabulary';

/**
 * The live graph as compact arrays: nodes and relations from the database rows, plus an undirected
 * adjacency in CSR form (offsets + neighbour/edge arrays) that path searches and metrics walk without
 * allocating. Built once per graph revision; queries only read it.
 */

export interface GraphNode {
	id: number;
	slug: string;
	label: string;
	kind: EntityKind;
	category: string;
	communeCode: string | null;
	/** The commune's name, for people (panels, exports); the code is for machines. */
	communeName: string | null;
	lon: number | null;
	lat: number | null;
	/** Confirmed press articles that cite the actor (issue 20: the graph sized by coverage). */
	coverage?: number;
}

export interface GraphEdge {
	id: number;
	type: string;
	source: number;
	target: number;
	/** Partial dates: '2019', '2019-03', '2019-03-14'. */
	startDate: string | null;
	endDate: string | null;
	confirmation: string;
	/** Who says so (URL or citation). */
	sourceRef: string | null;
}

export interface GraphIndex {
	nodes: GraphNode[];
	edges: GraphEdge[];
	/** Entity id -> position in `nodes`. */
	position: Map<number, number>;
	bySlug: Map<string, number>;
	/** Node positions of each edge's ends (same order as `edges`). */
	edgeSource: Int32Array;
	edgeTarget: Int32Array;
	/** CSR adjacency of the undirected view: entries offsets[i]..offsets[i+1] are node i's. */
	offsets: Int32Array;
	neighbour: Int32Array;
	/** Position in `edges` of the relation behind each adjacency entry. */
	via: Int32Array;
}

const preference = (e: GraphEdge) => (e.confirmation === 'confirmed' ? 0 : e.confirmation === 'declared' ? 1 : 2);

/**
 * Nodes sorted by id, relations whose two ends are nodes (others are dropped), adjacency sorted by
 * neighbour then by preferred relation (confirmed first, then lowest id): a search that takes the first
 * usable entry towards a neighbour thus picks the same relation every time.
 */
export function buildGraphIndex(nodeRows: GraphNode[], edgeRows: GraphEdge[]): GraphIndex {
	const nodes = [...nodeRows].sort((a, b) => a.id - b.id);
	const position = new Map<number, number>();
	const bySlug = new Map<string, number>();
	nodes.forEach((n, i) => {
		position.set(n.id, i);
		bySlug.set(n.slug, i);
	});
	const edges = edgeRows.filter((e) => position.has(e.source) && position.has(e.target) && e.source !== e.target).sort((a, b) => a.id - b.id);
	const m = edges.length;
	const edgeSource = new Int32Array(m);
	const edgeTarget = new Int32Array(m);
	const offsets = new Int32Array(nodes.length + 1);
	edges.forEach((e, k) => {
		const s = position.get(e.source) as number;
		const t = position.get(e.target) as number;
		edgeSource[k] = s;
		edgeTarget[k] = t;
		offsets[s + 1]! += 1;
		offsets[t + 1]! += 1;
	});
	for (let i = 0; i < nodes.length; i++) offsets[i + 1]! += offsets[i]!;
	const neighbour = new Int32Array(2 * m);
	const via = new Int32Array(2 * m);
	const fill = offsets.slice(0, nodes.length);
	for (let k = 0; k < m; k++) {
		const s = edgeSource[k]!;
		const t = edgeTarget[k]!;
		neighbour[fill[s]!] = t;
		via[fill[s]!++] = k;
		neighbour[fill[t]!] = s;
		via[fill[t]!++] = k;
	}
	for (let i = 0; i < nodes.length; i++) {
		const from = offsets[i]!;
		const to = offsets[i + 1]!;
		if (to - from < 2) continue;
		const entries = Array.from({ length: to - from }, (_, j) => [neighbour[from + j]!, via[from + j]!] as const);
		entries.sort((a, b) => a[0] - b[0] || preference(edges[a[1]]!) - preference(edges[b[1]]!) || a[1] - b[1]);
		entries.forEach(([n, k], j) => {
			neighbour[from + j] = n;
			via[from + j] = k;
		});
	}
	return { nodes, edges, position, bySlug, edgeSource, edgeTarget, offsets, neighbour, via };
}

/** Which relations a query may walk through. */
export interface EdgeFilter {
	confirmedOnly?: boolean;
	/** Relation types allowed; empty or absent: all. */
	types?: readonly string[];
	/** Relations active that year (dated ones only). */
	year?: number;
}

const yearOf = (date: string | null) => (date ? Number(date.slice(0, 4)) : null);

/** Active in `year`: started that year or before, and not ended before it. Undated relations are not. */
export function activeInYear(edge: Pick<GraphEdge, 'startDate' | 'endDate'>, year: number): boolean {
	const start = yearOf(edge.startDate);
	if (start === null || start > year) return false;
	const end = yearOf(edge.endDate);
	return end === null || end >= year;
}

/** The filter as one predicate over edge positions (a mask computed once per query). */
export function edgeMask(index: GraphIndex, filter: EdgeFilter = {}): Uint8Array | null {
	const types = filter.types && filter.types.length ? new Set(filter.types) : null;
	if (!types && !filter.confirmedOnly && filter.year === undefined) return null;
	const mask = new Uint8Array(index.edges.length);
	index.edges.forEach((e, k) => {
		const ok =
			(!types || types.has(e.type)) && (!filter.confirmedOnly || e.confirmation === 'confirmed') && (filter.year === undefined || activeInYear(e, filter.year));
		mask[k] = ok ? 1 : 0;
	});
	return mask;
}

/** [min, max] year of the dated relations (start or end), or null when none is dated. */
export function yearRange(edges: readonly GraphEdge[]): [number, number] | null {
	let min = Infinity;
	let max = -Infinity;
	for (const e of edges) {
		for (const y of [yearOf(e.startDate), yearOf(e.endDate)]) {
			if (y === null || !Number.isFinite(y)) continue;
			if (y < min) min = y;
			if (y > max) max = y;
		}
	}
	return Number.isFinite(min) ? [min, max] : null;
}
