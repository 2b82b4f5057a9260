/**
 * ForceAtlas2 positions of the whole graph off the server's event loop (5 to 10 s at 10,000 actors on this
 * machine, during which nobody else may wait). Same pattern as metrics-worker.ts: this module is its own
 * worker (the built chunk, or the TypeScript source through tsx), one thread per computation, `cancel()`
 * stops one a newer revision made useless.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { moduleWorker } from '../worker/module-worker';
import { forceAtlasPositions, type LayoutInput, type NodePositions } from '$lib/graph/forceatlas-positions';
import { yieldToRequests } from '../worker/thread-priority';

const ROLE = 'connecteur-carto:graph-positions';

interface Request {
	role: typeof ROLE;
	input: LayoutInput;
	seed?: number;
	iterations?: number;
}

export interface PositionsRun {
	result: Promise<NodePositions>;
	/** Stops the thread; `result` then rejects with a PositionsCancelled. */
	cancel: () => void;
}

export class PositionsCancelled extends Error {
	constructor() {
		super('calcul des positions abandonné pour une révision plus récente');
	}
}

let started = 0;
/** Threads started so far (tests: a new revision starts one, a kept answer none). */
export const positionsWorkersStarted = () => started;

export function positionsInWorker(input: LayoutInput, options: { seed?: number; iterations?: number } = {}): PositionsRun {
	const request: Request = { role: ROLE, input, ...options };
	started++;
	const worker = moduleWorker(import.meta.url, request);
	let cancelled = false;
	const result = new Promise<NodePositions>((resolve, reject) => {
		worker.once('message', (positions: NodePositions) => resolve(positions));
		worker.once('error', reject);
		worker.once('exit', (code) => reject(cancelled ? new PositionsCancelled() : new Error(`le calcul des positions s’est arrêté (code ${code})`)));
	});
	// A rejection nobody awaits (a cancelled run) must not crash the server.
	result.catch(() => {});
	return {
		result,
		cancel: () => {
			cancelled = true;
			void worker.terminate();
		}
	};
}

if (!isMainThread && (workerData as Request | undefined)?.role === ROLE) {
	yieldToRequests();
	const { input, seed, iterations } = workerData as Request;
	const positions = forceAtlasPositions(input, { seed, iterations });
	parentPort!.postMessage(positions, [positions.x.buffer, positions.y.buffer] as ArrayBuffer[]);
}
