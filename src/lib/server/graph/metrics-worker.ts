/**
 * Graph metrics (PageRank, Louvain, betweenness) off the server's event loop: 2 s at 10,000 actors, 15 s at
 * 100,000, during which no other visitor may wait. This module is its own worker: the server imports it and
 * `metricsInWorker` starts a thread on this very file (in the build, the chunk the bundler put it in; under
 * Vitest or tsx, the TypeScript source through tsx), which computes and posts the typed arrays back.
 * One thread per computation: `terminate()` stops one that a newer revision made useless.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { moduleWorker } from '../worker/module-worker';
import { computeMetrics, type GraphMetrics, type MetricsInput } from '$lib/graph/metrics';
import { yieldToRequests } from '../worker/thread-priority';

const ROLE = 'connecteur-carto:graph-metrics';

interface Request {
	role: typeof ROLE;
	input: MetricsInput;
	betweennessBudget?: number;
}

export interface MetricsRun {
	result: Promise<GraphMetrics>;
	/** Stops the thread; `result` then rejects with a MetricsCancelled. */
	cancel: () => void;
}

export class MetricsCancelled extends Error {
	constructor() {
		super('calcul des métriques abandonné pour une révision plus récente');
	}
}

let running = 0;
/**
 * Computations under way, not counting stopped ones (terminate() is immediate for the computation, the
 * thread's exit a moment later): a newer revision stops the older one, so never more than one per database.
 */
export const runningMetricsWorkers = () => running;

export function metricsInWorker(input: MetricsInput, options: { betweennessBudget?: number } = {}): MetricsRun {
	const request: Request = { role: ROLE, input, betweennessBudget: options.betweennessBudget };
	const worker = moduleWorker(import.meta.url, request);
	let cancelled = false;
	running++;
	let counted = true;
	const uncount = () => {
		if (counted) running--;
		counted = false;
	};
	worker.once('exit', uncount);
	const result = new Promise<GraphMetrics>((resolve, reject) => {
		worker.once('message', (metrics: GraphMetrics) => resolve(metrics));
		worker.once('error', reject);
		worker.once('exit', (code) => reject(cancelled ? new MetricsCancelled() : new Error(`le calcul des métriques s’est arrêté (code ${code})`)));
	});
	// A rejection nobody awaits (a cancelled run) must not crash the server.
	result.catch(() => {});
	return {
		result,
		cancel: () => {
			cancelled = true;
			uncount();
			void worker.terminate();
		}
	};
}

if (!isMainThread && (workerData as Request | undefined)?.role === ROLE) {
	yieldToRequests();
	const { input, betweennessBudget } = workerData as Request;
	const metrics = computeMetrics(input, { betweennessBudget });
	parentPort!.postMessage(metrics, [metrics.degree.buffer, metrics.betweenness.buffer, metrics.pagerank.buffer, metrics.community.buffer] as ArrayBuffer[]);
}
