import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';

/**
 * How a long write shares the database. Each chunk is one short transaction, sized to take about `targetMs`;
 * between chunks the process lets others in: `pauseMs` 0 gives the event loop a turn (the server's own
 * requests); a separate process (the command line) also leaves the write lock free for `pauseMs`, so the
 * server's saves never wait more than about a chunk for it.
 */
export interface Pace {
	targetMs: number;
	pauseMs: number;
}

export const SERVER_PACE: Pace = { targetMs: 20, pauseMs: 0 };
export const SHARED_PACE: Pace = { targetMs: 20, pauseMs: 25 };

const FIRST_CHUNK = 20;
const MAX_CHUNK = 1000;

/** Calls `write` on consecutive slices of `items`, each slice sized from the previous one's time. */
export async function inChunks<T>(items: readonly T[], pace: Pace, write: (slice: T[]) => void, progress?: (done: number) => void): Promise<void> {
	let size = FIRST_CHUNK;
	let done = 0;
	while (done < items.length) {
		const slice = items.slice(done, done + size);
		const started = performance.now();
		write(slice);
		const ms = performance.now() - started;
		done += slice.length;
		progress?.(done);
		// Grow at most fourfold at a time: one fast chunk (cached pages) must not size the next one for the worst case.
		size = Math.max(1, Math.min(MAX_CHUNK, Math.round(size * Math.min(4, pace.targetMs / Math.max(ms, 0.25)))));
		if (done < items.length) await (pace.pauseMs > 0 ? sleep(pace.pauseMs) : nextTurn());
	}
}

/**
 * For a long loop on the server's thread (an import's analysis): `await turn()` at each step gives the event
 * loop a turn once `sliceMs` have passed since the last one, so other requests wait at most about that long.
 */
export function turnTaker(sliceMs = 15): () => Promise<void> | undefined {
	let since = performance.now();
	return () => {
		if (performance.now() - since < sliceMs) return undefined;
		return nextTurn().then(() => {
			since = performance.now();
		});
	};
}
