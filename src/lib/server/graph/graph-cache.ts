/**
 * The live graph kept in memory per database connection and per graph revision: the adjacency index
 * (rebuilt when `graph_revision` moves, whoever wrote) and its metrics (computed once per revision, on
 * first demand, in a worker thread; concurrent requests share the same computation). Checking freshness
 * costs one tiny read. This is the server's one piece of long-lived state, on purpose: it is a cache of the
 * database, keyed by the connection (a WeakMap, so a closed test database takes its cache with it).
 */
import { buildGraphIndex, yearRange, type GraphIndex } from '$lib/graph/graph-index';
import { metricsInput, type GraphMetrics } from '$lib/graph/metrics';
import type { Db } from '../db';
import { graphEdgeRows, graphNodeRows, graphRevision } from '../repos/graph.repo';
import { MetricsCancelled, metricsInWorker, type MetricsRun } from './metrics-worker';

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
	/** True when these are an earlier revision's, served while the current one is computed (« calcul en cours »). */
	stale: boolean;
}

interface Entry {
	graph: LiveGraph;
	metrics?: Promise<LiveMetrics>;
	run?: MetricsRun;
}

const cache = new WeakMap<Db, Entry>();
/** The newest metrics computed for each connection, whatever their revision: what is served meanwhile. */
const lastMetrics = new WeakMap<Db, LiveMetrics>();

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
	// A newer revision makes a computation under way useless: stopped, so runs never pile up.
	current?.run?.cancel();
	const entry: Entry = { graph: build(db) };
	cache.set(db, entry);
	return entry;
}

/** The graph as of the database's current revision. */
export function liveGraph(db: Db): LiveGraph {
	return entryFor(db).graph;
}

function startMetrics(db: Db, entry: Entry): Promise<LiveMetrics> {
	const started = performance.now();
	entry.run = metricsInWorker(metricsInput(entry.graph.index));
	const metrics = entry.run.result.then((computed) => {
		const live: LiveMetrics = {
			...computed,
			revision: entry.graph.revision,
			computedMs: Math.round(performance.now() - started),
			index: entry.graph.index,
			stale: false
		};
		const previous = lastMetrics.get(db);
		if (!previous || previous.revision <= live.revision) lastMetrics.set(db, live);
		return live;
	});
	// Stopped for a newer revision: whoever waited gets that revision's instead.
	const settled = metrics.catch((e: unknown) => {
		if (e instanceof MetricsCancelled) return liveMetrics(db, { fresh: true });
		// A failed computation is not cached: the next request starts it again.
		if (cache.get(db) === entry && entry.metrics === settled) entry.metrics = undefined;
		throw e;
	});
	return settled;
}

/**
 * Metrics of the current revision, computed at most once per revision whatever the number of callers, in a
 * worker thread so the server keeps answering. While they are computed, the previous revision's are served
 * at once, marked `stale`; only the very first computation (nothing to serve yet) is waited for, and
 * `{ fresh: true }` (tests, command line) always waits for the current revision's.
 */
export function liveMetrics(db: Db, options: { fresh?: boolean } = {}): Promise<LiveMetrics> {
	const entry = entryFor(db);
	entry.metrics ??= startMetrics(db, entry);
	const previous = lastMetrics.get(db);
	if (options.fresh || !previous || previous.revision === entry.graph.revision) return entry.metrics;
	return Promise.resolve({ ...previous, stale: true });
}
