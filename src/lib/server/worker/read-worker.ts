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
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { moduleWorker } from './module-worker';
import { openDb, type Db } from '../db';
import { dataRevision, RevisionCache } from '../cache/revision-cache';
import { READ_TASKS, type ReadTaskName, type ReadTaskResult } from './read-tasks';

const ROLE = 'connecteur-carto:read-task';

interface Request {
	role: typeof ROLE;
	task: ReadTaskName;
	path: string;
}

type Answer = { ok: true; value: unknown } | { ok: false; message: string };

const kept = new WeakMap<Db, RevisionCache<Promise<unknown>>>();
let started = 0;
/** Threads started so far (tests: a kept answer starts none). */
export const readWorkersStarted = () => started;

/** The task in a thread of its own on the database file at `path`, nothing kept. */
export function inWorker<N extends ReadTaskName>(task: N, path: string): Promise<ReadTaskResult<N>> {
	const request: Request = { role: ROLE, task, path };
	started++;
	const worker = moduleWorker(import.meta.url, request);
	return new Promise((resolve, reject) => {
		worker.once('message', (answer: Answer) => (answer.ok ? resolve(answer.value as ReadTaskResult<N>) : reject(new Error(answer.message))));
		worker.once('error', reject);
		worker.once('exit', (code) => reject(new Error(`la tâche « ${task} » s’est arrêtée (code ${code})`)));
	});
}

/** The task's answer for the database as it is now: computed in a worker thread, or kept from this revision. */
export function readTask<N extends ReadTaskName>(db: Db, task: N): Promise<ReadTaskResult<N>> {
	const path = db.$client.name;
	if (db.$client.memory || path === ':memory:') return Promise.resolve(READ_TASKS[task](db) as ReadTaskResult<N>);
	let cache = kept.get(db);
	if (!cache) kept.set(db, (cache = new RevisionCache({ entries: 20, bytes: Number.MAX_SAFE_INTEGER })));
	// Read before the thread starts: a write meanwhile makes this answer old at once.
	const revision = dataRevision(db);
	const hit = cache.get(task, revision);
	if (hit) return hit as Promise<ReadTaskResult<N>>;
	const answer = inWorker(task, path);
	cache.set(task, revision, answer, 0);
	// A failure is not kept: the next request tries again.
	answer.catch(() => cache.get(task, revision) === answer && cache.delete(task));
	return answer as Promise<ReadTaskResult<N>>;
}

if (!isMainThread && (workerData as Request | undefined)?.role === ROLE) {
	const { task, path } = workerData as Request;
	let answer: Answer;
	const db = openDb(path, { migrate: false });
	try {
		answer = { ok: true, value: READ_TASKS[task](db) };
	} catch (e) {
		answer = { ok: false, message: (e as Error).message };
	} finally {
		db.$client.close();
	}
	parentPort!.postMessage(answer);
}
