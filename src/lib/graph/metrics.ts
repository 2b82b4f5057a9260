/**
 * Whole-graph metrics: degree (relations per actor), betweenness (who sits on the shortest routes:
 * bridges), PageRank (who is pointed to by well-pointed actors: incubators, funders, networks) and Louvain
 * communities. PageRank and Louvain come from graphology; betweenness is ours (see betweenness.ts).
 */
import Graph from 'graphology';
import pagerank from 'graphology-metrics/centrality/pagerank';
import louvain from 'graphology-communities-louvain';
import { relationType } from '$lib/domain/vocabulary';
import type { GraphIndex } from './graph-index';
import { betweenness, BETWEENNESS_SEED, BETWEENNESS_WORK_BUDGET, type BetweennessResult, type SimpleAdjacency } from './betweenness';
import { seededRandom } from './random';

export interface GraphMetrics {
	/** Per node position. */
	degree: Int32Array;
	betweenness: Float64Array;
	pagerank: Float64Array;
	/** Community number (0 = largest); -1 for an actor alone in its community (no relation). */
	community: Int32Array;
	/** Sizes of the communities, by number. */
	communitySizes: number[];
	betweennessMethod: BetweennessResult['method'];
	modularity: number;
}

/**
 * What the metrics read of a graph, as typed arrays only: it crosses to the worker thread as a copy of a few
 * buffers (no object per actor), and a node's position is the same on both sides.
 */
export interface MetricsInput {
	n: number;
	edgeSource: Int32Array;
	edgeTarget: Int32Array;
	/** 1 where the relation's type is symmetric (it points both ways for PageRank). */
	symmetric: Uint8Array;
	offsets: Int32Array;
	neighbour: Int32Array;
}

export function metricsInput(index: GraphIndex): MetricsInput {
	const symmetric = new Uint8Array(index.edges.length);
	index.edges.forEach((e, k) => (symmetric[k] = relationType(e.type)?.symmetric ? 1 : 0));
	return { n: index.nodes.length, edgeSource: index.edgeSource, edgeTarget: index.edgeTarget, symmetric, offsets: index.offsets, neighbour: index.neighbour };
}

/** The undirected view without parallel relations (adjacency is sorted by neighbour, so duplicates are adjacent). */
export function simpleAdjacency(index: GraphIndex | Pick<MetricsInput, 'n' | 'offsets' | 'neighbour'>): SimpleAdjacency {
	const n = 'n' in index ? index.n : index.nodes.length;
	const offsets = new Int32Array(n + 1);
	const neighbour = new Int32Array(index.neighbour.length);
	let k = 0;
	for (let i = 0; i < n; i++) {
		offsets[i] = k;
		let last = -1;
		for (let j = index.offsets[i]!, end = index.offsets[i + 1]!; j < end; j++) {
			const w = index.neighbour[j]!;
			if (w !== last) neighbour[k++] = w;
			last = w;
		}
	}
	offsets[n] = k;
	return { n, offsets, neighbour: neighbour.slice(0, k) };
}

export function computeMetrics(input: GraphIndex | MetricsInput, options: { betweennessBudget?: number } = {}): GraphMetrics {
	const index = 'nodes' in input ? metricsInput(input) : input;
	const n = index.n;
	const degree = new Int32Array(n);
	for (let i = 0; i < n; i++) degree[i] = index.offsets[i + 1]! - index.offsets[i]!;

	// Relations point somewhere (the startup to its incubator): PageRank follows them; a symmetric
	// relation points both ways; several relations between two actors weigh more.
	const directed = new Graph({ type: 'directed' });
	const undirected = new Graph({ type: 'undirected' });
	for (let i = 0; i < n; i++) {
		directed.addNode(i);
		undirected.addNode(i);
	}
	const addWeight = (g: Graph, s: number, t: number) => {
		const edge = g.edge(s, t);
		if (edge === undefined) g.addEdge(s, t, { weight: 1 });
		else g.updateEdgeAttribute(edge, 'weight', (w: number | undefined) => (w ?? 0) + 1);
	};
	for (let k = 0; k < index.edgeSource.length; k++) {
		const s = index.edgeSource[k]!;
		const t = index.edgeTarget[k]!;
		addWeight(directed, s, t);
		if (index.symmetric[k]) addWeight(directed, t, s);
		addWeight(undirected, s, t);
	}

	const ranks = new Float64Array(n);
	if (n > 0) {
		const pr = pagerank(directed, { getEdgeWeight: 'weight', maxIterations: 200, tolerance: 1e-9 });
		for (let i = 0; i < n; i++) ranks[i] = pr[String(i)] ?? 0;
	}

	const community = new Int32Array(n).fill(-1);
	const communitySizes: number[] = [];
	let modularity = 0;
	if (undirected.size > 0) {
		const detailed = louvain.detailed(undirected, { getEdgeWeight: 'weight', rng: seededRandom(BETWEENNESS_SEED) });
		modularity = detailed.modularity;
		const sizes = new Map<number, number>();
		for (let i = 0; i < n; i++) {
			const c = detailed.communities[String(i)] as number;
			sizes.set(c, (sizes.get(c) ?? 0) + 1);
		}
		// Number communities by size (largest first; ties by smallest member), singletons get -1.
		const firstMember = new Map<number, number>();
		for (let i = n - 1; i >= 0; i--) firstMember.set(detailed.communities[String(i)] as number, i);
		const ranked = [...sizes.entries()]
			.filter(([, size]) => size > 1)
			.sort((a, b) => b[1] - a[1] || (firstMember.get(a[0]) as number) - (firstMember.get(b[0]) as number));
		const renumber = new Map(ranked.map(([c], i) => [c, i]));
		for (let i = 0; i < n; i++) community[i] = renumber.get(detailed.communities[String(i)] as number) ?? -1;
		for (const [, size] of ranked) communitySizes.push(size);
	}

	const between = betweenness(simpleAdjacency(index), options.betweennessBudget ?? BETWEENNESS_WORK_BUDGET);
	return { degree, betweenness: between.values, pagerank: ranks, community, communitySizes, betweennessMethod: between.method, modularity };
}

/**
 * Node positions of the `count` highest values (ties: lower position, i.e. lower id, first). One pass keeping the
 * best `count` in order: sorting every position cost 60 ms per measure at 100,000 actors, on the server's thread,
 * each time the metrics' answer was remade (issue 18).
 */
export function topPositions(values: ArrayLike<number>, count: number): number[] {
	const best: number[] = [];
	if (count <= 0) return best;
	for (let i = 0; i < values.length; i++) {
		const v = values[i] as number;
		// Positions come in increasing order, so a tie never displaces a kept position.
		if (best.length === count && !(v > (values[best[count - 1]!] as number))) continue;
		let at = best.length === count ? count - 1 : best.length;
		while (at > 0 && v > (values[best[at - 1]!] as number)) {
			best[at] = best[at - 1]!;
			at--;
		}
		best[at] = i;
	}
	return best;
}
