/**
 * The live graph kept in memory per database connection and per graph revision: the adjacency index
 * (rebuilt when `graph_revision` moves, whoever wrote) and its metrics (computed once per revision, on
 * first demand, in a worker thread; concurrent requests share the same computation). Checking freshness
 * costs one tiny read. This is the server's one piece of long-lived state, on purpose: it is a cache of the
 * database, keyed by the connection (a WeakMap, so a closed test database takes its cache with it).
 */
import type { GraphIndex } from '$lib/graph/graph-index';
import { metricsInput, type GraphMetrics } from '$lib/graph/metrics';
import type { Db } from '../db';
import { graphRevision } from '../repos/graph.repo';
import { backgroundRebuildFor } from '../worker/background';
import { backgroundRebuilder } from '../worker/rebuilder';
import { inSlices } from '../worker/in-slices';
import { buildLiveGraph, type LiveGraph } from './graph-build';
import { unpackGraphIndexSteps } from './graph-transfer';
import { MetricsCancelled, metricsInWorker, type MetricsRun } from './metrics-worker';

export type { LiveGraph };

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

function replace(db: Db, graph: LiveGraph): Entry {
	const current = cache.get(db);
	// A newer revision makes a computation under way useless: stopped, so runs never pile up.
	current?.run?.cancel();
	const entry: Entry = { graph };
	cache.set(db, entry);
	return entry;
}

const servedRevision = (db: Db) => cache.get(db)?.graph.revision ?? -1;

/**
 * The newest revision's index, built in a worker while the previous one is served, then rebuilt from its
 * columns a few milliseconds per turn (graph-transfer.ts): the server answers between two slices.
 */
const rebuilder = backgroundRebuilder('liveGraph', servedRevision, async (db, { revision, packed, years }) => {
	const index = await inSlices(unpackGraphIndexSteps(packed));
	// Built in this thread meanwhile (the worker failed elsewhere, a test): the newest stays.
	if (db.$client.open && revision > servedRevision(db)) replace(db, { revision, index, years });
});

function entryFor(db: Db): Entry {
	const revision = graphRevision(db);
	const current = cache.get(db);
	if (current && current.graph.revision === revision) return current;
	if (current && !rebuilder.failed(db) && backgroundRebuildFor(db, current.graph.index.nodes.length)) {
		rebuilder.ask(db, revision);
		return current;
	}
	return replace(db, buildLiveGraph(db));
}

/** Whether the graph served is an earlier revision's, while the current one is built in a worker. */
export function graphIsStale(db: Db, graph: LiveGraph): boolean {
	return graph.revision !== graphRevision(db);
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
 * What the metrics served now depend on: the newest revision computed and the current one (they differ while
 * the current one is computed, and the newest computed is served meanwhile). Read before asking for them.
 */
export function metricsVersion(db: Db): string {
	return `metrics ${lastMetrics.get(db)?.revision ?? 'none'}/${graphRevision(db)}`;
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
	if (options.fresh || !previous || previous.revision === entry.graph.revision) {
		// The graph itself may be the previous revision's, served while a worker builds the new one.
		return entry.graph.revision === graphRevision(db) ? entry.metrics : entry.metrics.then((m) => ({ ...m, stale: true }));
	}
	return Promise.resolve({ ...previous, stale: true });
}
