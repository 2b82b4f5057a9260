/**
 * The map's cluster tiles (issue 18, see $lib/server/map/cluster-tiles.ts) come from one long-lived worker
 * thread with its own read connection: it clusters a filtered set once per data revision (0.5 to 1 s at 100,000
 * actors) and keeps the index for the tiles that follow, which it cuts in a millisecond or so each. The server's
 * event loop only passes messages; answers are kept per revision by the route (http/api.ts `apiGetBytes`).
 *
 * A database in memory (some tests) has no file to open twice: its tiles are cut in the calling thread.
 */
import { isMainThread, parentPort, workerData, type Worker } from 'node:worker_threads';
import { entityFiltersSchema, type EntityFilters } from '$lib/domain/filters';
import { ENTITY_KINDS } from '$lib/domain/vocabulary';
import type { Db } from '../db';
import { dataRevision } from '../cache/revision-cache';
import { clusterIndex, clusterTile, type ClusterIndex } from '../map/cluster-tiles';
import { compactPoints } from '../services/map-points.service';
import { moduleWorker } from './module-worker';
import { yieldToRequests } from './thread-priority';
import { threadConnections } from './thread-connections';

const ROLE = 'connecteur-carto:map-tiles';

interface TileRequest {
	n: number;
	path: string;
	revision: string;
	filters: EntityFilters;
	z: number;
	x: number;
	y: number;
}
type TileAnswer = { n: number; ok: true; bytes: Uint8Array } | { n: number; ok: false; message: string };

/** The indexes kept (the unfiltered map and a few recent filters): at 100,000 actors each weighs ~30 MB. */
const KEPT_INDEXES = 4;

/** Indexes by database, revision and filters, least recently used first (a Map keeps insertion order). */
function indexKeeper(read: (key: { path: string; filters: EntityFilters }) => ClusterIndex) {
	const kept = new Map<string, ClusterIndex>();
	return (path: string, revision: string, filters: EntityFilters): ClusterIndex => {
		const key = `${path}\n${revision}\n${JSON.stringify(filters)}`;
		let index = kept.get(key);
		if (index) kept.delete(key);
		else {
			// Another revision of the same filters will not be asked again.
			for (const k of kept.keys()) if (k.startsWith(`${path}\n`) && k.endsWith(`\n${JSON.stringify(filters)}`)) kept.delete(k);
			index = read({ path, filters });
		}
		kept.set(key, index);
		while (kept.size > KEPT_INDEXES) kept.delete(kept.keys().next().value as string);
		return index;
	};
}

const indexFromDb = (db: Db, filters: EntityFilters) => clusterIndex(compactPoints(db, filters), ENTITY_KINDS);

let worker: Worker | null = null;
let sent = 0;
const waiting = new Map<number, { resolve: (bytes: Uint8Array) => void; reject: (e: Error) => void }>();
const inThisThread = new WeakMap<Db, ReturnType<typeof indexKeeper>>();

function thread(): Worker {
	if (worker) return worker;
	const w = moduleWorker(import.meta.url, { role: ROLE });
	w.on('message', (a: TileAnswer) => {
		const p = waiting.get(a.n);
		waiting.delete(a.n);
		if (waiting.size === 0) w.unref();
		if (a.ok) p?.resolve(new Uint8Array(a.bytes.buffer, a.bytes.byteOffset, a.bytes.byteLength));
		else p?.reject(new Error(a.message));
	});
	const fail = (e: Error) => {
		if (worker === w) worker = null;
		for (const p of waiting.values()) p.reject(e);
		waiting.clear();
	};
	w.on('error', fail);
	w.on('exit', (code) => fail(new Error(`le calcul des tuiles de la carte s’est arrêté (code ${code})`)));
	return (worker = w);
}

/** One tile of the filtered set's clusters, as the database is now (Mapbox Vector Tile bytes). */
export function mapTile(db: Db, filters: EntityFilters, z: number, x: number, y: number): Promise<Uint8Array> {
	const path = db.$client.name;
	if (db.$client.memory || path === ':memory:') {
		let keeper = inThisThread.get(db);
		if (!keeper) inThisThread.set(db, (keeper = indexKeeper(({ filters }) => indexFromDb(db, filters))));
		return Promise.resolve(clusterTile(keeper(path, dataRevision(db), filters), z, x, y));
	}
	const w = thread();
	const request: TileRequest = { n: ++sent, path, revision: dataRevision(db), filters, z, x, y };
	return new Promise((resolve, reject) => {
		waiting.set(request.n, { resolve, reject });
		w.ref();
		w.postMessage(request);
	});
}

/**
 * The unfiltered map's index built from start-up (issue 18: the first visitor after a start waited for it, 5 s
 * at 10,000 actors and 8 s at 100,000 on two busy cores): the top tile is asked for once, in the worker thread,
 * with the filters an address without any gives (the key the page's tiles then find). The server does not wait.
 */
export function warmMapTiles(db: Db): Promise<void> {
	// A database in memory would cluster in this thread: nothing to gain at start-up there.
	if (db.$client.memory) return Promise.resolve();
	return mapTile(db, entityFiltersSchema.parse({}), 0, 0, 0).then(() => undefined);
}

if (!isMainThread && (workerData as { role?: string } | undefined)?.role === ROLE) {
	yieldToRequests();
	const connection = threadConnections();
	const keeper = indexKeeper(({ path, filters }) => indexFromDb(connection(path), filters));
	parentPort!.on('message', (r: TileRequest) => {
		let answer: TileAnswer;
		try {
			answer = { n: r.n, ok: true, bytes: clusterTile(keeper(r.path, r.revision, r.filters), r.z, r.x, r.y) };
		} catch (e) {
			answer = { n: r.n, ok: false, message: (e as Error).message };
		}
		parentPort!.postMessage(answer, answer.ok ? [answer.bytes.buffer as ArrayBuffer] : []);
	});
}
