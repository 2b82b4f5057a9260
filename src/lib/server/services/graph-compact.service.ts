/** /api/v1/graph/compact: the view of graph.service.ts as columns, with the server's positions (« Tout afficher »). */
import { GRAPH_DEFAULT_LIMIT } from '$lib/domain/graph-query';
import { encodeCompact, type CompactGraph, type WholeNode } from '$lib/graph/compact-graph';
import type { Db } from '../db';
import { graphIsStale, liveGraph } from '../graph/graph-cache';
import { livePositions } from '../graph/positions-cache';
import { parseGraphView, viewOf } from './graph.service';

/**
 * The same actors and relations as the JSON form for the same query, each actor with its place in the
 * whole graph's ForceAtlas2 layout. While this revision's layout is computed the previous one's is used
 * (`positionsStale`); an actor it did not know stands at the middle of its placed neighbours.
 */
export async function graphViewCompact(db: Db, params: URLSearchParams): Promise<CompactGraph> {
	const parsed = parseGraphView(params);
	const q = { ...parsed, limit: parsed.limit ?? GRAPH_DEFAULT_LIMIT };
	const positions = await livePositions(db);
	// After the wait: the graph as served now, its positions looked up by actor id.
	const graph = liveGraph(db);
	const { index } = graph;
	const view = viewOf(db, graph, q);
	const placed = new Map<number, { x: number; y: number }>();
	for (const p of view.nodes) {
		const id = index.nodes[p]!.id;
		const row = positions.index.position.get(id);
		if (row !== undefined) placed.set(p, { x: positions.x[row]!, y: positions.y[row]! });
	}
	const nodes: WholeNode[] = view.nodes.map((p) => {
		const n = index.nodes[p]!;
		const at = placed.get(p) ?? besideNeighbours(index, p, placed);
		return { id: n.id, label: n.label, kind: n.kind, category: n.category, degree: view.degree.get(p) ?? 0, x: at.x, y: at.y };
	});
	const edges = view.edges.map((k) => ({
		source: index.nodes[index.edgeSource[k]!]!.id,
		target: index.nodes[index.edgeTarget[k]!]!.id,
		type: index.edges[k]!.type
	}));
	return encodeCompact(
		{ nodes, edges },
		{
			revision: graph.revision,
			stale: graphIsStale(db, graph),
			positionsStale: positions.stale || positions.revision !== graph.revision,
			total: view.total,
			truncated: view.truncated,
			years: graph.years ?? []
		}
	);
}

/** A newcomer (not in the layout yet): the middle of its placed neighbours, a little aside; the centre if it has none. */
function besideNeighbours(index: ReturnType<typeof liveGraph>['index'], p: number, placed: Map<number, { x: number; y: number }>) {
	let x = 0;
	let y = 0;
	let count = 0;
	for (let j = index.offsets[p]!; j < index.offsets[p + 1]!; j++) {
		const at = placed.get(index.neighbour[j]!);
		if (!at) continue;
		x += at.x;
		y += at.y;
		count++;
	}
	const nudge = 5 * ((p % 7) - 3);
	return count ? { x: x / count + nudge, y: y / count - nudge } : { x: nudge, y: nudge };
}
