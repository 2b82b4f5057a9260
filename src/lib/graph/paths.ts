/**
 * Paths in the undirected view of the relations (who is connected to whom, whatever the direction):
 * k shortest simple paths (Yen's algorithm over bidirectional breadth-first searches), common
 * neighbours and neighbourhoods. Everything works on node positions of a GraphIndex.
 */
import type { GraphIndex } from './graph-index';

export interface Path {
	/** Node positions, from the start to the end. */
	nodes: number[];
	/** Edge positions, edges[i] joins nodes[i] and nodes[i + 1]. */
	edges: number[];
}

export interface PathOptions {
	/** How many alternatives (1 to 5). */
	k?: number;
	/** Longest path allowed, in relations (1 to 6). */
	maxHops?: number;
	/** Relations allowed (edgeMask): null means all. */
	mask?: Uint8Array | null;
}

export const MAX_PATHS = 5;
export const MAX_HOPS = 6;

/** Reusable scratch arrays: "visited" is a stamp compare, so no array is cleared between searches. */
class Scratch {
	private stamp = 0;
	readonly seenF: Int32Array;
	readonly seenB: Int32Array;
	readonly blocked: Int32Array;
	readonly distF: Int32Array;
	readonly distB: Int32Array;
	readonly parentNodeF: Int32Array;
	readonly parentEdgeF: Int32Array;
	readonly parentNodeB: Int32Array;
	readonly parentEdgeB: Int32Array;
	constructor(n: number) {
		this.seenF = new Int32Array(n);
		this.seenB = new Int32Array(n);
		this.blocked = new Int32Array(n);
		this.distF = new Int32Array(n);
		this.distB = new Int32Array(n);
		this.parentNodeF = new Int32Array(n);
		this.parentEdgeF = new Int32Array(n);
		this.parentNodeB = new Int32Array(n);
		this.parentEdgeB = new Int32Array(n);
	}
	next(): number {
		return ++this.stamp;
	}
}

interface SearchLimits {
	maxLen: number;
	mask: Uint8Array | null;
	/** Stamp marking blocked nodes in scratch.blocked (0: none). */
	blockedStamp: number;
	/** Neighbours the search may not step to from the start node. */
	blockedFirst: Set<number> | null;
}

/**
 * One shortest path from s to t of at most maxLen relations, or null. Grows the smaller frontier a whole
 * level at a time, so the first level where the two searches meet holds a shortest path.
 */
function shortestPath(index: GraphIndex, sc: Scratch, s: number, t: number, limits: SearchLimits): Path | null {
	const { offsets, neighbour, via } = index;
	const { maxLen, mask, blockedStamp, blockedFirst } = limits;
	const stamp = sc.next();
	const { seenF, seenB, distF, distB, blocked } = sc;
	seenF[s] = stamp;
	distF[s] = 0;
	seenB[t] = stamp;
	distB[t] = 0;
	let frontF = [s];
	let frontB = [t];
	let depthF = 0;
	let depthB = 0;
	while (frontF.length && frontB.length && depthF + depthB < maxLen) {
		const forward = frontF.length <= frontB.length;
		const front = forward ? frontF : frontB;
		const seen = forward ? seenF : seenB;
		const other = forward ? seenB : seenF;
		const dist = forward ? distF : distB;
		const otherDist = forward ? distB : distF;
		const parentNode = forward ? sc.parentNodeF : sc.parentNodeB;
		const parentEdge = forward ? sc.parentEdgeF : sc.parentEdgeB;
		const nextFront: number[] = [];
		let best = -1;
		let bestLen = Infinity;
		for (const u of front) {
			for (let j = offsets[u]!, end = offsets[u + 1]!; j < end; j++) {
				const e = via[j]!;
				if (mask && mask[e] === 0) continue;
				const w = neighbour[j]!;
				if (blockedStamp && blocked[w] === blockedStamp) continue;
				if (blockedFirst && ((u === s && blockedFirst.has(w)) || (w === s && blockedFirst.has(u)))) continue;
				if (seen[w] === stamp) continue;
				seen[w] = stamp;
				dist[w] = dist[u]! + 1;
				parentNode[w] = u;
				parentEdge[w] = e;
				nextFront.push(w);
				if (other[w] === stamp) {
					const len = dist[w]! + otherDist[w]!;
					if (len < bestLen) {
						bestLen = len;
						best = w;
					}
				}
			}
		}
		if (forward) {
			frontF = nextFront;
			depthF++;
		} else {
			frontB = nextFront;
			depthB++;
		}
		if (best >= 0) return bestLen <= maxLen ? tracePath(sc, s, t, best) : null;
	}
	return null;
}

function tracePath(sc: Scratch, s: number, t: number, meet: number): Path {
	const nodes: number[] = [];
	const edges: number[] = [];
	for (let v = meet; v !== s; v = sc.parentNodeF[v]!) {
		nodes.push(v);
		edges.push(sc.parentEdgeF[v]!);
	}
	nodes.push(s);
	nodes.reverse();
	edges.reverse();
	for (let v = meet; v !== t;) {
		edges.push(sc.parentEdgeB[v]!);
		v = sc.parentNodeB[v]!;
		nodes.push(v);
	}
	return { nodes, edges };
}

const keyOf = (p: Path) => p.nodes.join(',');

/**
 * Up to k shortest simple paths from `from` to `to` (node positions), shortest first; paths differ by
 * their sequence of actors. Between two actors joined by several relations, the path names one of them,
 * chosen by the index order (confirmed first, then oldest).
 */
export function shortestPaths(index: GraphIndex, from: number, to: number, options: PathOptions = {}): Path[] {
	const k = Math.max(1, Math.min(MAX_PATHS, options.k ?? 3));
	const maxHops = Math.max(1, Math.min(MAX_HOPS, options.maxHops ?? MAX_HOPS));
	const mask = options.mask ?? null;
	if (from === to) return [];
	const sc = new Scratch(index.nodes.length);
	const first = shortestPath(index, sc, from, to, { maxLen: maxHops, mask, blockedStamp: 0, blockedFirst: null });
	if (!first) return [];
	const found: Path[] = [first];
	const known = new Set([keyOf(first)]);
	const candidates: Path[] = [];
	while (found.length < k) {
		const prev = found[found.length - 1] as Path;
		for (let i = 0; i < prev.nodes.length - 1 && i < maxHops; i++) {
			const spur = prev.nodes[i] as number;
			const root = prev.nodes.slice(0, i + 1);
			const blockedFirst = new Set<number>();
			for (const p of found) {
				if (p.nodes.length > i + 1 && root.every((v, j) => p.nodes[j] === v)) blockedFirst.add(p.nodes[i + 1] as number);
			}
			const blockedStamp = sc.next();
			for (let j = 0; j < i; j++) sc.blocked[root[j] as number] = blockedStamp;
			const spurPath = shortestPath(index, sc, spur, to, { maxLen: maxHops - i, mask, blockedStamp, blockedFirst });
			if (!spurPath) continue;
			const candidate: Path = { nodes: [...root.slice(0, i), ...spurPath.nodes], edges: [...prev.edges.slice(0, i), ...spurPath.edges] };
			const key = keyOf(candidate);
			if (known.has(key)) continue;
			known.add(key);
			candidates.push(candidate);
		}
		if (candidates.length === 0) break;
		// Shortest candidate next; among equals, the one found first (deterministic).
		let bestAt = 0;
		candidates.forEach((c, i) => {
			if (c.edges.length < (candidates[bestAt] as Path).edges.length) bestAt = i;
		});
		found.push(candidates.splice(bestAt, 1)[0] as Path);
	}
	return found;
}

/** For each usable neighbour of a node: the relation joining them (the first one in index order). */
export function neighboursOf(index: GraphIndex, node: number, mask: Uint8Array | null = null): Map<number, number> {
	const out = new Map<number, number>();
	for (let j = index.offsets[node]!, end = index.offsets[node + 1]!; j < end; j++) {
		const e = index.via[j]!;
		if (mask && mask[e] === 0) continue;
		const w = index.neighbour[j]!;
		if (!out.has(w)) out.set(w, e);
	}
	return out;
}

export interface CommonNeighbour {
	node: number;
	viaA: number;
	viaB: number;
}

/** Actors related to both a and b (other than a and b), with one relation on each side. */
export function commonNeighbours(index: GraphIndex, a: number, b: number, mask: Uint8Array | null = null): CommonNeighbour[] {
	const ofA = neighboursOf(index, a, mask);
	const ofB = neighboursOf(index, b, mask);
	const out: CommonNeighbour[] = [];
	for (const [node, viaA] of ofA) {
		const viaB = ofB.get(node);
		if (viaB !== undefined && node !== a && node !== b) out.push({ node, viaA, viaB });
	}
	return out.sort((x, y) => x.node - y.node);
}

/**
 * Nodes within `depth` relations of `start` (start included, nearest first). `allowed`, when given,
 * marks the nodes the walk may enter (the filtered view); the start is always kept.
 */
export function neighbourhood(index: GraphIndex, start: number, depth: number, mask: Uint8Array | null = null, allowed: Uint8Array | null = null): number[] {
	const seen = new Uint8Array(index.nodes.length);
	seen[start] = 1;
	const order = [start];
	let front = [start];
	for (let d = 0; d < depth && front.length; d++) {
		const next: number[] = [];
		for (const u of front) {
			for (let j = index.offsets[u]!, end = index.offsets[u + 1]!; j < end; j++) {
				if (mask && mask[index.via[j]!] === 0) continue;
				const w = index.neighbour[j]!;
				if (seen[w] || (allowed && !allowed[w])) continue;
				seen[w] = 1;
				next.push(w);
				order.push(w);
			}
		}
		front = next;
	}
	return order;
}
