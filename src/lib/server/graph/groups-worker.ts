/**
 * The aggregated view's pass over every relation (aggregate.ts) off the event loop for large graphs: at 100,000
 * actors it walks half a million relations. Like metrics-worker.ts, this module is its own worker; only typed
 * arrays cross (copied), the answer comes back as a structured clone.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { aggregateAndPlace, type AggregateInput, type PlacedAggregate } from '$lib/graph/aggregate';
import { moduleWorker } from '../worker/module-worker';
import { yieldToRequests } from '../worker/thread-priority';

const ROLE = 'connecteur-carto:graph-groups';

/** Below this many actors the pass costs a few milliseconds: a thread would cost more than it saves. */
export const GROUPS_WORKER_FROM = 30_000;

export function aggregateInWorker(input: AggregateInput, memberCap: number, restSkip: number): Promise<PlacedAggregate> {
	const worker = moduleWorker(import.meta.url, { role: ROLE, input, memberCap, restSkip });
	return new Promise((resolve, reject) => {
		worker.once('message', (answer: PlacedAggregate) => resolve(answer));
		worker.once('error', reject);
		worker.once('exit', (code) => reject(new Error(`le regroupement du réseau s’est arrêté (code ${code})`)));
	});
}

if (!isMainThread && (workerData as { role?: string } | undefined)?.role === ROLE) {
	yieldToRequests();
	const { input, memberCap, restSkip } = workerData as { input: AggregateInput; memberCap: number; restSkip: number };
	parentPort!.postMessage(aggregateAndPlace(input, memberCap, restSkip));
}
