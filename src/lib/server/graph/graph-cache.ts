/**
 * The live graph kept in memory per database connection and per graph revision: the adjacency index
 * (rebuilt when `graph_revision` moves, whoever wrote) and its metrics (computed once per revision, on
 * first demand; concurrent requests share the same computation). Checking freshness costs one tiny read.
 * This is the server's one piece of long-lived state, on purpose: it is a cache of the database, keyed by
 * the connection (a WeakMap, so a closed test database takes its cache with it).
 */
import { buildGraphIndex, yearRange, type GraphIndex } from '$lib/graph/graph-index';
import { computeMetrics, type GraphMetrics } from '$lib/graph/metrics';
import type { Db } from '../db';
import { graphEdgeRows, graphNodeRows, graphRevision } from '../repos/graph.repo';

export interface LiveGraph {
	revision: number;
	index: GraphIndex;
	years: [number, number] | null;
}

export interface LiveMetrics extends GraphMetrics {
	revision: number;
	computedMs: number;
	/** The graph these metrics describe (node positions index the arrays). */
	index: GraphIndex;
}

interface Entry {
	graph: LiveGraph;
	metrics?: Promise<LiveMetrics>;
}

const cache = new WeakMap<Db, Entry>();

function build(db: Db): LiveGraph {
	// One read transaction: the revision, the actors and the relations all belong to the same state.
	const { revision, nodes, edges } = db.transaction((tx) => {
		const reader = tx as unknown as Db;
		return { revision: graphRevision(reader), nodes: graphNodeRows(reader), edges: graphEdgeRows(reader) };
	});
	const index = buildGraphIndex(nodes, edges);
	return { revision, index, years: yearRange(index.edges) };
}

function entryFor(db: Db): Entry {
	const revision = graphRevision(db);
	const current = cache.get(db);
	if (current && current.graph.revision === revision) return current;
	const entry: Entry = { graph: build(db) };
	cache.set(db, entry);
	return entry;
}

/** The graph as of the database's current revision. */
export function liveGraph(db: Db): LiveGraph {
	return entryFor(db).graph;
}

/** Metrics of the current revision: computed at most once per revision, whatever the number of callers. */
export function liveMetrics(db: Db): Promise<LiveMetrics> {
	const entry = entryFor(db);
	entry.metrics ??= Promise.resolve().then(() => {
		const started = performance.now();
		const metrics = computeMetrics(entry.graph.index);
		return { ...metrics, revision: entry.graph.revision, computedMs: Math.round(performance.now() - started), index: entry.graph.index };
	});
	// A failed computation is not cached: the next request tries again.
	entry.metrics.catch(() => {
		if (cache.get(db) === entry) entry.metrics = undefined;
	});
	return entry.metrics;
}
