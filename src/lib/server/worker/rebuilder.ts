import type { Db } from '../db';
import { inWorker } from './read-worker';
import type { ReadTaskName, ReadTaskResult } from './read-tasks';

type Revised = { revision: number };

/**
 * A per-revision structure rebuilt in a worker while the previous one is served (see background.ts): one
 * build at a time per connection; writes meanwhile only raise the revision wanted, built once the current
 * build is in. If the worker fails, that connection builds in its own thread from then on (`failed`), never
 * stuck on an old revision.
 */
export function backgroundRebuilder<N extends ReadTaskName>(
	task: N & (ReadTaskResult<N> extends Revised ? unknown : never),
	currentRevision: (db: Db) => number,
	deliver: (db: Db, built: ReadTaskResult<N>) => void
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
			const run = (): Promise<void> =>
				inWorker(task, db.$client.name).then(
					(built) => {
						const { revision: builtRevision } = built as Revised;
						if (!db.$client.open) return void rebuilding.delete(db);
						if (builtRevision > currentRevision(db)) deliver(db, built);
						if (state.wanted > builtRevision) return run();
						rebuilding.delete(db);
					},
					(e: unknown) => {
						console.error(`Tâche « ${task} » : impossible dans un fil de travail, elle se fera dans le fil principal.`, e);
						broken.add(db);
						rebuilding.delete(db);
					}
				);
			void run();
		}
	};
}
