/// <reference lib="webworker" />
/**
 * fcose off the main thread: a headless Cytoscape with the same nodes (sizes) and edges computes the
 * positions; the page only applies them. The page stays responsive whatever the graph's size.
 */
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { FcoseRequest, FcoseResult } from './fcose-options';
import { runFcose } from './fcose-run';

cytoscape.use(fcose);

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<FcoseRequest>) => {
	const { job, nodes, edges, start } = event.data;
	const started = performance.now();
	try {
		runFcose(cytoscape, { nodes, edges, start }, (phase, positions) =>
			scope.postMessage({ job, phase, positions, ms: performance.now() - started } satisfies FcoseResult)
		);
	} catch (e) {
		scope.postMessage({ job, phase: 'final', error: e instanceof Error ? e.message : String(e), positions: {}, ms: 0 } satisfies FcoseResult);
	}
};
