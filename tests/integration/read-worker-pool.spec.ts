/**
 * Issue 18: the read tasks (graph index, pathways, map points, duplicate pairs, dashboard figures) run in two
 * threads kept for them, not in a new thread per task (0.4 to 1 s of CPU each to load its modules). A kept
 * thread keeps its connection while the file at the path is the same one, reads a new file put at that path,
 * and a failed task leaves the next one working.
 */
import { copyFileSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { freshDb, insertSmallTerritories } from './fresh-db';
import { createEntities } from '../../src/lib/server/services/entity-write.service';
import { inWorker, nextTaskIndex, readThreadsAlive } from '../../src/lib/server/worker/read-worker';

const opened: ReturnType<typeof freshDb>[] = [];
afterEach(() => opened.splice(0).forEach((c) => c.close()));

/** A database file with `n` published actors. */
function directoryOf(n: number) {
	const ctx = freshDb();
	opened.push(ctx);
	insertSmallTerritories(ctx.db);
	createEntities(
		ctx.db,
		Array.from({ length: n }, (_, i) => ({
			slug: `acteur-${n}-${i}`,
			kind: 'organisation' as const,
			category: 'startup',
			name: `Acteur ${i}`,
			communeCode: '63113'
		}))
	);
	return ctx;
}

const nodesOf = async (path: string) => (await inWorker('liveGraph', path)).packed.nodes.id.length;

describe('the read tasks’ threads (issue 18)', () => {
	it('ten tasks at once are answered right by two threads at most, kept for the next ones', async () => {
		const a = directoryOf(3);
		const b = directoryOf(5);
		const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => nodesOf(i % 2 ? b.path : a.path)));
		expect(answers).toEqual([3, 5, 3, 5, 3, 5, 3, 5, 3, 5]);
		expect(readThreadsAlive()).toBeGreaterThanOrEqual(1);
		expect(readThreadsAlive()).toBeLessThanOrEqual(2);
		const alive = readThreadsAlive();
		expect(await nodesOf(a.path)).toBe(3);
		expect(readThreadsAlive()).toBe(alive);
	});

	it('a write is seen by the next task; another file put at the same path is read, not the one opened before', async () => {
		const a = directoryOf(3);
		expect(await nodesOf(a.path)).toBe(3);
		createEntities(a.db, [{ slug: 'nouveau', kind: 'organisation', category: 'startup', name: 'Nouveau', communeCode: '63113' }]);
		expect(await nodesOf(a.path)).toBe(4);
		const b = directoryOf(7);
		b.db.$client.pragma('wal_checkpoint(TRUNCATE)');
		a.db.$client.close();
		// The file and its sides removed (as db:restore moves them aside), another database put at the same path.
		for (const side of ['', '-wal', '-shm']) rmSync(a.path + side, { force: true });
		copyFileSync(b.path, a.path);
		expect(await nodesOf(a.path)).toBe(7);
	});

	it.runIf(process.platform === 'linux')('the threads run below the thread that answers requests (niceness 10, this one 0)', async () => {
		const a = directoryOf(2);
		expect(await nodesOf(a.path)).toBe(2);
		const niceness = (stat: string) => Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
		const threads = readdirSync('/proc/self/task').map((t) => niceness(readFileSync(`/proc/self/task/${t}/stat`, 'utf8')));
		expect(niceness(readFileSync('/proc/thread-self/stat', 'utf8'))).toBe(0);
		expect(threads.filter((n) => n === 10).length).toBeGreaterThanOrEqual(readThreadsAlive());
		expect(readThreadsAlive()).toBeGreaterThanOrEqual(1);
	});

	it('a task a request awaits goes before the rebuilds, and rebuilds never hold both threads', () => {
		// The map's points queued behind two rebuilds: taken first.
		expect(nextTaskIndex(['liveGraph', 'pathways', 'mapPointsJson'], [])).toBe(2);
		// Nothing running: the first rebuild may start (one thread stays free).
		expect(nextTaskIndex(['liveGraph', 'pathways'], [])).toBe(0);
		// One rebuild running: the second waits, the other thread stays free for awaited tasks…
		expect(nextTaskIndex(['pathways'], ['liveGraph'])).toBe(-1);
		// …which take it at once.
		expect(nextTaskIndex(['pathways', 'freshnessFigures'], ['liveGraph'])).toBe(1);
		expect(nextTaskIndex(['mapPoints'], ['mapPointsJson'])).toBe(0);
		expect(nextTaskIndex([], [])).toBe(-1);
	});

	it('a task that fails says why, and the next one is answered', async () => {
		const a = directoryOf(2);
		await expect(inWorker('liveGraph', `${a.path}.absent`)).rejects.toThrow(/no such file|ENOENT/);
		expect(await nodesOf(a.path)).toBe(2);
	});
});
