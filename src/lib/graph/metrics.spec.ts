import { describe, expect, it } from 'vitest';
import Graph from 'graphology';
import graphologyBetweenness from 'graphology-metrics/centrality/betweenness';
import { computeMetrics, simpleAdjacency, topPositions } from './metrics';
import { betweenness } from './betweenness';
import { graphOf } from './test-graphs';
import { seededRandom } from './random';

const rounded = (xs: ArrayLike<number>, digits = 4) => Array.from(xs, (x) => Number(x.toFixed(digits)));
const sum = (xs: ArrayLike<number>) => Array.from(xs).reduce((a, b) => a + b, 0);

describe('metrics on hand-checked graphs', () => {
	it('path 1-2-3-4-5: degree and betweenness', () => {
		const m = computeMetrics(
			graphOf(5, [
				[1, 2],
				[2, 3],
				[3, 4],
				[4, 5]
			])
		);
		expect(Array.from(m.degree)).toEqual([1, 2, 2, 2, 1]);
		// Normalised: pairs whose shortest path crosses the node / pairs of the other nodes, C(4,2) = 6.
		// Through 2: (1,3) (1,4) (1,5) -> 3/6; through 3: (1,4) (1,5) (2,4) (2,5) -> 4/6.
		expect(rounded(m.betweenness)).toEqual([0, 0.5, 0.6667, 0.5, 0]);
		expect(m.betweennessMethod).toBe('exact');
	});

	it('star: the centre carries every shortest path and ranks first; PageRank sums to 1', () => {
		const m = computeMetrics(
			graphOf(
				5,
				[
					[2, 1],
					[3, 1],
					[4, 1],
					[5, 1]
				],
				() => ({ type: 'member_of' })
			)
		);
		expect(Array.from(m.degree)).toEqual([4, 1, 1, 1, 1]);
		expect(rounded(m.betweenness)).toEqual([1, 0, 0, 0, 0]);
		expect(sum(m.pagerank)).toBeCloseTo(1, 6);
		expect(topPositions(m.pagerank, 1)).toEqual([0]);
		const leaves = rounded(m.pagerank.slice(1), 6);
		expect(new Set(leaves).size).toBe(1);
	});

	it('two triangles joined by a bridge: bridge ends lead betweenness, Louvain finds the triangles', () => {
		const m = computeMetrics(
			graphOf(6, [
				[1, 2],
				[2, 3],
				[1, 3],
				[4, 5],
				[5, 6],
				[4, 6],
				[3, 4]
			])
		);
		expect(Array.from(m.degree)).toEqual([2, 2, 3, 3, 2, 2]);
		// 3 lies on the paths from {1,2} to {4,5,6}: 6 pairs of C(5,2) = 10 -> 0.6 (and 4 likewise).
		expect(rounded(m.betweenness)).toEqual([0, 0, 0.6, 0.6, 0, 0]);
		expect(sum(m.pagerank)).toBeCloseTo(1, 6);
		const c = Array.from(m.community);
		expect(c[0]).toBe(c[1]);
		expect(c[1]).toBe(c[2]);
		expect(c[3]).toBe(c[4]);
		expect(c[4]).toBe(c[5]);
		expect(c[0]).not.toBe(c[3]);
		expect(m.communitySizes).toEqual([3, 3]);
		// Modularity of that split: 2·(6/14 - (7/14)²) = 0.3571.
		expect(m.modularity).toBeCloseTo(0.3571, 3);
	});

	it('several relations between two actors count in the degree but not twice in the paths', () => {
		const m = computeMetrics(
			graphOf(3, [
				[1, 2],
				[1, 2],
				[2, 3]
			])
		);
		expect(Array.from(m.degree)).toEqual([2, 3, 1]);
		expect(rounded(m.betweenness)).toEqual([0, 1, 0]);
	});

	it('an actor with no relation is in no community', () => {
		const m = computeMetrics(
			graphOf(4, [
				[1, 2],
				[2, 3]
			])
		);
		expect(m.community[3]).toBe(-1);
		expect(m.betweenness[3]).toBe(0);
	});

	it('an empty graph has empty metrics', () => {
		const m = computeMetrics(graphOf(0, []));
		expect(m.degree.length).toBe(0);
		expect(m.communitySizes).toEqual([]);
	});
});

describe('betweenness against graphology-metrics', () => {
	const random = seededRandom(7);
	const n = 60;
	const pairs: [number, number][] = [];
	const seen = new Set<string>();
	while (pairs.length < 150) {
		const a = 1 + Math.floor(random() * n);
		const b = 1 + Math.floor(random() * n);
		const key = `${Math.min(a, b)}-${Math.max(a, b)}`;
		if (a === b || seen.has(key)) continue;
		seen.add(key);
		pairs.push([a, b]);
	}
	const index = graphOf(n, pairs);

	it('exact Brandes gives the same values', () => {
		const g = new Graph({ type: 'undirected' });
		for (let i = 0; i < n; i++) g.addNode(String(i));
		for (const [a, b] of pairs) g.addEdge(String(a - 1), String(b - 1));
		const reference = graphologyBetweenness(g, { getEdgeWeight: null, normalized: true });
		const ours = betweenness(simpleAdjacency(index));
		expect(ours.method).toBe('exact');
		for (let i = 0; i < n; i++) expect(ours.values[i]).toBeCloseTo(reference[String(i)] as number, 9);
	});

	it('over the work budget, samples k pivots with a fixed seed and says so', () => {
		const adj = simpleAdjacency(index);
		const exact = betweenness(adj);
		const a = betweenness(adj, 20 * (n + adj.neighbour.length));
		const b = betweenness(adj, 20 * (n + adj.neighbour.length));
		expect(a.method).toBe('sampled(k=20)');
		expect(Array.from(a.values)).toEqual(Array.from(b.values));
		// An unbiased estimate: same total order of magnitude, and the top actor is among the exact top 5.
		expect(sum(a.values) / sum(exact.values)).toBeGreaterThan(0.6);
		expect(sum(a.values) / sum(exact.values)).toBeLessThan(1.4);
		expect(topPositions(exact.values, 5)).toContain(topPositions(a.values, 1)[0]);
	});
});

describe('topPositions', () => {
	it('gives the same positions as sorting them all, ties to the lower position', () => {
		let seed = 7;
		const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
		// Few distinct values, so ties are everywhere.
		const values = Float64Array.from({ length: 5000 }, () => Math.floor(random() * 40) / 7);
		const sorted = Array.from(values, (_, i) => i).sort((a, b) => values[b]! - values[a]! || a - b);
		for (const count of [0, 1, 2, 15, 100, 5000, 6000]) expect(topPositions(values, count)).toEqual(sorted.slice(0, count));
		expect(topPositions([1, 3, 3, 2], 2)).toEqual([1, 2]);
		expect(topPositions([], 3)).toEqual([]);
	});
});
