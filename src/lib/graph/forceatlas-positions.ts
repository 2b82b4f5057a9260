/**
 * Where every actor of the whole graph stands (issue 18, « Tout afficher »): ForceAtlas2 from graphology,
 * computed once per graph revision on the server (in a worker, see server/graph/positions-worker.ts) and sent
 * with the graph, so the browser draws 10,000 actors at once instead of laying them out itself.
 *
 * Deterministic: the start positions come from a seeded generator and ForceAtlas2 itself draws nothing at
 * random, so the same graph and seed give the same picture (a shared link shows what its author saw).
 */
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { seededRandom } from './random';

export interface LayoutInput {
	n: number;
	/** Node positions of each relation's ends (GraphIndex.edgeSource / edgeTarget). */
	edgeSource: Int32Array;
	edgeTarget: Int32Array;
}

export interface NodePositions {
	x: Float32Array;
	y: Float32Array;
}

export const LAYOUT_SEED = 18;

/**
 * Iterations by size: a small graph settles in a few hundred, the 10k graph's shape is there after ~100 with
 * Barnes-Hut (≈ 2–3 s in a worker on this 2-core machine), more only costs time nobody waits for.
 */
export function iterationsFor(n: number): number {
	if (n <= 1_000) return 300;
	if (n <= 5_000) return 150;
	return 100;
}

export function forceAtlasPositions(input: LayoutInput, options: { seed?: number; iterations?: number } = {}): NodePositions {
	const { n, edgeSource, edgeTarget } = input;
	const random = seededRandom(options.seed ?? LAYOUT_SEED);
	const graph = new Graph({ type: 'undirected', allowSelfLoops: false });
	// Start in a disc whose area grows with the graph: ForceAtlas2 then has little to push apart.
	const radius = 10 * Math.sqrt(n);
	for (let i = 0; i < n; i++) {
		const r = radius * Math.sqrt(random());
		const a = 2 * Math.PI * random();
		graph.addNode(i, { x: r * Math.cos(a), y: r * Math.sin(a) });
	}
	// Several relations between two actors pull them closer: one edge, weighted.
	for (let k = 0; k < edgeSource.length; k++) {
		const s = edgeSource[k]!;
		const t = edgeTarget[k]!;
		if (s === t) continue;
		graph.updateEdge(s, t, (attr: { weight?: number }) => ({ weight: (attr.weight ?? 0) + 1 }));
	}
	const settings = { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: n > 2_000, edgeWeightInfluence: 1 };
	const placed = forceAtlas2(graph, { iterations: options.iterations ?? iterationsFor(n), settings, getEdgeWeight: 'weight' });
	const x = new Float32Array(n);
	const y = new Float32Array(n);
	for (let i = 0; i < n; i++) {
		const p = placed[i]!;
		x[i] = p.x;
		y[i] = p.y;
	}
	return { x, y };
}
