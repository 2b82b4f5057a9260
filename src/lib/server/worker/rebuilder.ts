import type { Db } from '../db';
import { inWorker } from './read-worker';
import type { ReadTaskName, ReadTaskResult } from './read-tasks';

type Revised = { revision: number };

/**
 * After a build, the next one waits twice as long as it took: a build is at most a third of
 * the time (at 100,000 actors the graph's index takes 2-3 s, then as long again for the server to take in the copy
 * and collect the one it replaces; back to back, they held the two cores and the collector, `npm run bench:load`).
 * The revision served meanwhile is said to be an earlier one (« calcul en cours »), as during a build.
 */
const paced = (lastBuildMs: number) => new Promise<void>((resolve) => setTimeout(resolve, 2 * lastBuildMs).unref());

/**
 * A per-revision structure rebuilt in a worker while the previous one is served (see background.ts): one
 * build at a time per connection; writes meanwhile only raise the revision wanted, built once the current
 * build is in and a pause has passed (`paced`). If the worker fails, that connection builds in its own thread
 * from then on (`failed`), never stuck on an old revision.
 */
export function backgroundRebuilder<N extends ReadTaskName>(
	task: N & (ReadTaskResult<N> extends Revised ? unknown : never),
	currentRevision: (db: Db) => number,
	/** May take its time (a promise): the next build waits for it. */
	deliver: (db: Db, built: ReadTaskResult<N>) => void | Promise<void>
) {
	const rebuilding = new WeakMap<Db, { wanted: number }>();
	const broken = new WeakSet<Db>();
	return {
		failed: (db: Db) => broken.has(db),
		ask(db: Db, revision: number): void {
			const under = rebuilding.get(db);
			if (under) {
				under.wanted = Math.max(under.wanted, revision);
				return;
			}
			const state = { wanted: revision };
			rebuilding.set(db, state);
			const run = (): Promise<void> => {
				const started = performance.now();
				return inWorker(task, db.$client.name).then(
					(built) => {
						const { revision: builtRevision } = built as Revised;
						if (!db.$client.open) return void rebuilding.delete(db);
						const delivered = builtRevision > currentRevision(db) ? deliver(db, built) : undefined;
						// Writes during the pause only raise `wanted`, as during a build.
						return Promise.resolve(delivered)
							.catch((e: unknown) => {
								// Taken in wrong (never seen): this connection builds in its own thread from now on.
								console.error(`Tâche « ${task} » : réponse du fil de travail illisible, elle se fera dans le fil principal.`, e);
								broken.add(db);
							})
							.then(() => paced(performance.now() - started))
							.then(() => (state.wanted > builtRevision ? run() : void rebuilding.delete(db)));
					},
					(e: unknown) => {
						console.error(`Tâche « ${task} » : impossible dans un fil de travail, elle se fera dans le fil principal.`, e);
						broken.add(db);
						rebuilding.delete(db);
					}
				);
			};
			void run();
		}
	};
}
