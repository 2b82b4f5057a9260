/**
 * The whole graph's ForceAtlas2 positions, computed once per graph revision in a worker thread
 * (positions-worker.ts) and kept per database connection, as graph-cache.ts keeps the metrics: concurrent
 * requests share one computation; after a change the previous revision's positions are served at once, marked
 * `stale` (« calcul en cours »), and a newer revision stops a computation under way, so runs never pile up.
 * Only the very first computation (nothing to serve yet) is waited for.
 */
import type { GraphIndex } from '$lib/graph/graph-index';
import type { NodePositions } from '$lib/graph/forceatlas-positions';
import type { Db } from '../db';
import { liveGraph } from './graph-cache';
import { PositionsCancelled, positionsInWorker, type PositionsRun } from './positions-worker';

export interface LivePositions extends NodePositions {
	revision: number;
	computedMs: number;
	/** The graph the positions were computed on: `index.position` maps an actor id to its row in `x` and `y`. */
	index: GraphIndex;
	stale: boolean;
}

interface Entry {
	revision: number;
	index: GraphIndex;
	positions?: Promise<LivePositions>;
	run?: PositionsRun;
}

const entries = new WeakMap<Db, Entry>();
/** The newest positions computed for each connection, whatever their revision: what is served meanwhile. */
const lastPositions = new WeakMap<Db, LivePositions>();

function entryFor(db: Db): Entry {
	const graph = liveGraph(db);
	let entry = entries.get(db);
	if (!entry || entry.revision !== graph.revision) {
		entry?.run?.cancel();
		entry = { revision: graph.revision, index: graph.index };
		entries.set(db, entry);
	}
	return entry;
}

function start(db: Db, entry: Entry): Promise<LivePositions> {
	const started = performance.now();
	const { index } = entry;
	entry.run = positionsInWorker({ n: index.nodes.length, edgeSource: index.edgeSource, edgeTarget: index.edgeTarget });
	const positions = entry.run.result.then((computed) => {
		const live: LivePositions = { ...computed, revision: entry.revision, computedMs: Math.round(performance.now() - started), index, stale: false };
		const previous = lastPositions.get(db);
		if (!previous || previous.revision <= live.revision) lastPositions.set(db, live);
		return live;
	});
	const settled = positions.catch((e: unknown) => {
		// Stopped for a newer revision: whoever waited gets that revision's instead.
		if (e instanceof PositionsCancelled) return livePositions(db, { fresh: true });
		// A failed computation is not kept: the next request starts it again.
		if (entries.get(db) === entry && entry.positions === settled) entry.positions = undefined;
		throw e;
	});
	return settled;
}

/**
 * Positions for the graph as served now (liveGraph): this revision's when computed, else the previous
 * revision's at once, marked `stale`, while this one is computed. `{ fresh: true }` waits for this revision's.
 */
export function livePositions(db: Db, options: { fresh?: boolean } = {}): Promise<LivePositions> {
	const entry = entryFor(db);
	entry.positions ??= start(db, entry);
	const previous = lastPositions.get(db);
	if (options.fresh || !previous || previous.revision === entry.revision) return entry.positions;
	return Promise.resolve({ ...previous, stale: true });
}
