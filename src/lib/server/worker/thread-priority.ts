import { setPriority } from 'node:os';

/**
 * Called first in every worker thread: the computations (metrics, positions, the graph's index, pathways, tiles,
 * an import's file) run below the server's thread, so the requests get the two cores first. Under `npm run
 * bench:load` at 100,000 actors the metrics' 15 s of CPU and the read tasks took the cores from the thread that
 * answers, and every visitor waited. On Linux a thread's niceness is its own (setpriority on the calling thread);
 * elsewhere it would lower the whole server's process, so it is left alone.
 */
export function yieldToRequests(): void {
	if (process.platform !== 'linux') return;
	try {
		setPriority(10);
	} catch {
		// Not permitted here (a locked-down container): the thread keeps the server's priority, as before.
	}
}
