/**
 * Whole-directory reads that take seconds at scale (issue 18: « no request ever waits on another's
 * computation ») run in a worker thread with a connection of its own to the same file: the request that needs
 * the answer waits for it, the server goes on answering everybody else. This module is its own worker (the
 * built chunk, or the TypeScript source through tsx's loader under Vitest and `vite dev`, as
 * metrics-worker.ts); the tasks it may run are named in read-tasks.ts.
 *
 * Answers are kept per data revision (revision-cache.ts): the second editor opening the page gets them at
 * once. A database in memory (some tests) has no file to open twice: its tasks run in the calling thread.
 */
import { isMainThread, parentPort, workerData, type Worker } from 'node:worker_threads';
import { moduleWorker } from './module-worker';
import type { Db } from '../db';
import { dataRevision, RevisionCache } from '../cache/revision-cache';
import { BACKGROUND_FROM_NODES } from './background';
import { READ_TASKS, type ReadTaskArgs, type ReadTaskName, type ReadTaskResult } from './read-tasks';
import { yieldToRequests } from './thread-priority';
import { threadConnections } from './thread-connections';
import { buffersHandedOver } from './hand-over';

const runTask = (task: ReadTaskName, db: Db, args: unknown): unknown => (READ_TASKS[task] as (db: Db, args: unknown) => unknown)(db, args);

const ROLE = 'connecteur-carto:read-task';

interface Request {
	id: number;
	task: ReadTaskName;
	path: string;
	/** What the task reads besides the database (filters), as a structured clone. */
	args?: unknown;
}

type Answer = { id: number } & ({ ok: true; value: unknown } | { ok: false; message: string });

const kept = new WeakMap<Db, RevisionCache<Promise<unknown>>>();
let started = 0;
/** Tasks sent to a worker thread so far (tests: a kept answer sends none). */
export const readWorkersStarted = () => started;
/** Threads alive for the tasks (tests: they are kept and reused, never more than POOL_SIZE). */
export const readThreadsAlive = () => pool.length;

/**
 * Threads kept for the tasks, as many as the two cores of the machines this runs on. A thread per task cost
 * 0.4 to 1 s of CPU each time in loading its modules (V8 profile under `npm run bench:load` at 100,000 actors,
 * where every write starts several tasks): taken from the requests on the same two cores.
 */
const POOL_SIZE = 2;

interface Pooled {
	worker: Worker;
	job: Job | null;
}
interface Job {
	request: Request;
	resolve: (value: unknown) => void;
	reject: (error: Error) => void;
}

const pool: Pooled[] = [];
const queue: Job[] = [];
let nextId = 1;

/**
 * Rebuilds nobody waits for (the previous revision's answer is served meanwhile): they never hold every thread,
 * and a task a request waits for (the map's points, the editors' figures) goes before them. At 100,000 actors the
 * map's points waited 11 s behind the graph's index and the pathways under `npm run bench:load`.
 */
const UNAWAITED: ReadonlySet<ReadTaskName> = new Set(['liveGraph', 'pathways', 'duplicatePairs', 'searchWords']);

/**
 * Which queued task a free thread takes (its index, or -1: none now): the first one a request awaits, else the
 * first rebuild if another thread stays free for awaited tasks.
 */
export function nextTaskIndex(queued: readonly ReadTaskName[], running: readonly ReadTaskName[], poolSize = POOL_SIZE): number {
	const awaited = queued.findIndex((t) => !UNAWAITED.has(t));
	if (awaited >= 0) return awaited;
	const rebuilding = running.filter((t) => UNAWAITED.has(t)).length;
	return queued.length && rebuilding < poolSize - 1 ? 0 : -1;
}

function nextJob(): Job | undefined {
	const running = pool.flatMap((p) => (p.job ? [p.job.request.task] : []));
	const at = nextTaskIndex(
		queue.map((j) => j.request.task),
		running
	);
	return at < 0 ? undefined : queue.splice(at, 1)[0];
}

function dispatch(): void {
	while (queue.length) {
		let free = pool.find((p) => p.job === null);
		if (!free && pool.length < POOL_SIZE) free = spawn();
		if (!free) return;
		const job = nextJob();
		if (!job) return;
		free.job = job;
		free.worker.ref();
		free.worker.postMessage(job.request);
	}
}

function spawn(): Pooled {
	const pooled: Pooled = { worker: moduleWorker(import.meta.url, { role: ROLE }), job: null };
	// Idle threads do not keep the process alive (scripts, tests); a task under way does (dispatch).
	pooled.worker.unref();
	const fail = (error: Error) => {
		// 'error' then 'exit': the thread is let go once.
		const at = pool.indexOf(pooled);
		if (at < 0) return;
		pool.splice(at, 1);
		const job = pooled.job;
		pooled.job = null;
		job?.reject(error);
		dispatch();
	};
	pooled.worker.on('message', (answer: Answer) => {
		const job = pooled.job;
		if (!job || job.request.id !== answer.id) return;
		pooled.job = null;
		pooled.worker.unref();
		if (answer.ok) job.resolve(answer.value);
		else job.reject(new Error(answer.message));
		dispatch();
	});
	pooled.worker.on('error', fail);
	pooled.worker.on('exit', (code) => fail(new Error(`le fil de lecture s’est arrêté (code ${code})`)));
	pool.push(pooled);
	return pooled;
}

/** The task in one of the kept threads, on the database file at `path`; nothing kept here. */
export function inWorker<N extends ReadTaskName>(task: N, path: string, args?: ReadTaskArgs<N>): Promise<ReadTaskResult<N>> {
	started++;
	return new Promise((resolve, reject) => {
		queue.push({ request: { id: nextId++, task, path, args }, resolve: resolve as (value: unknown) => void, reject });
		dispatch();
	});
}

/**
 * The task's answer for the database as it is now: computed in a worker thread, or kept from this revision.
 * `args` (filters) are part of what is kept: the same task with other arguments is another answer.
 */
export function readTask<N extends ReadTaskName>(
	db: Db,
	task: N,
	...rest: ReadTaskArgs<N> extends undefined ? [] : [args: ReadTaskArgs<N>]
): Promise<ReadTaskResult<N>> {
	const args = rest[0];
	const path = db.$client.name;
	if (db.$client.memory || path === ':memory:') return Promise.resolve(runTask(task, db, args) as ReadTaskResult<N>);
	let cache = kept.get(db);
	if (!cache) kept.set(db, (cache = new RevisionCache({ entries: 20, bytes: Number.MAX_SAFE_INTEGER })));
	// Read before the thread starts: a write meanwhile makes this answer old at once.
	const revision = dataRevision(db);
	const key = args === undefined ? task : `${task} ${JSON.stringify(args)}`;
	const hit = cache.get(key, revision);
	if (hit) return hit as Promise<ReadTaskResult<N>>;
	const answer = inWorker(task, path, args);
	cache.set(key, revision, answer, 0);
	// A failure is not kept: the next request tries again.
	answer.catch(() => cache.get(key, revision) === answer && cache.delete(key));
	return answer as Promise<ReadTaskResult<N>>;
}

/** Answers already in, by their promise (a promise cannot be asked whether it settled). */
const settled = new WeakMap<Promise<unknown>, { value: unknown }>();
/** The last answer in per connection and key, whatever its revision: shown while the current one is computed. */
const latest = new WeakMap<Db, Map<string, unknown>>();
/** The computation of each task last started per connection, and the revision it answers for. */
const running = new WeakMap<Db, Map<string, { revision: string; answer: Promise<unknown>; failed: boolean }>>();

export interface ReadTaskNow<T> {
	/** This revision's answer; or, while it is computed, an earlier revision's (null: none yet). */
	value: T | null;
	/** False while the answer for the data as it is now is still being computed (« calcul en cours »). */
	current: boolean;
}

/** How long a page waits for a large directory's answer before saying « calcul en cours »: its own budget is 300 ms. */
export const NOW_GRACE_MS = 150;

/** The highest id stands for the size (no count over the whole table), as pathwaysReady does. */
const sizeOf = (db: Db) => (db.$client.prepare('SELECT max(id) AS n FROM entities').get() as { n: number | null }).n ?? 0;

/**
 * For pages that must not wait seconds on a whole-directory computation (issue 18: /moderation/doublons,
 * the editors' dashboard): this revision's answer if it is in, or comes within `graceMs`; otherwise the one
 * computed before (any arguments, or null) with `current: false`, the computation going on in its thread for the
 * next request. A directory under BACKGROUND_FROM_NODES (the demo, tests) waits for its answer: seconds only
 * come with size, and those pages then always tell the data as it is.
 */
export async function readTaskNow<N extends ReadTaskName>(
	db: Db,
	task: N,
	options: { graceMs?: number; args?: ReadTaskArgs<N> } = {}
): Promise<ReadTaskNow<ReadTaskResult<N>>> {
	if (db.$client.memory || db.$client.name === ':memory:') return { value: runTask(task, db, options.args) as ReadTaskResult<N>, current: true };
	const graceMs = options.graceMs ?? (sizeOf(db) < BACKGROUND_FROM_NODES ? Infinity : NOW_GRACE_MS);
	let seen = latest.get(db);
	if (!seen) latest.set(db, (seen = new Map()));
	const known = seen;
	let runs = running.get(db);
	if (!runs) running.set(db, (runs = new Map()));
	// One computation of a task at a time per connection: while an earlier revision's runs, writes meanwhile
	// start nothing (an editor approving ten proposals must not start ten 10-second threads); the next
	// request after it ends starts the current one.
	const revision = dataRevision(db);
	const run = runs.get(task);
	if (run && run.revision !== revision && !settled.has(run.answer) && !run.failed) {
		if (graceMs !== Infinity) return { value: (known.get(task) as ReadTaskResult<N> | undefined) ?? null, current: false };
		// A small directory waits for the earlier one, then for the current one.
		await run.answer.catch(() => undefined);
		return readTaskNow(db, task, options);
	}
	const answer = (readTask as (db: Db, task: N, args?: unknown) => Promise<ReadTaskResult<N>>)(db, task, options.args);
	if (run?.answer !== answer) {
		const entry = { revision, answer: answer as Promise<unknown>, failed: false };
		runs.set(task, entry);
		answer.catch(() => (entry.failed = true));
	}
	if (!settled.has(answer))
		answer.then(
			(value) => {
				settled.set(answer, { value });
				known.set(task, value);
			},
			() => undefined
		);
	const inTime =
		graceMs === Infinity
			? await answer.then(
					() => true,
					() => false
				)
			: await Promise.race([
					answer.then(
						() => true,
						() => false
					),
					new Promise<false>((r) => setTimeout(() => r(false), graceMs).unref())
				]);
	const done = settled.get(answer);
	if (inTime && done) return { value: done.value as ReadTaskResult<N>, current: true };
	return { value: (known.get(task) as ReadTaskResult<N> | undefined) ?? null, current: false };
}

/** The thread's side: a connection per database file, kept between tasks (threadConnections). */
if (!isMainThread && (workerData as { role?: string } | undefined)?.role === ROLE) {
	yieldToRequests();
	const connection = threadConnections();
	parentPort!.on('message', ({ id, task, path, args }: Request) => {
		let answer: Answer;
		try {
			answer = { id, ok: true, value: runTask(task, connection(path), args) };
		} catch (e) {
			answer = { id, ok: false, message: (e as Error).message };
		}
		parentPort!.postMessage(answer, answer.ok ? buffersHandedOver(answer.value) : []);
	});
}
