/// <reference lib="webworker" />
/**
 * fcose off the main thread: a headless Cytoscape with the same nodes (sizes) and edges computes the
 * positions; the page only applies them. The page stays responsive whatever the graph's size.
 */
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { FcoseRequest, FcoseResult } from './fcose-options';
import { fcoseOptions } from './fcose-options';

cytoscape.use(fcose);

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<FcoseRequest>) => {
	const { job, nodes, edges } = event.data;
	const started = performance.now();
	try {
		const cy = cytoscape({
			headless: true,
			styleEnabled: true,
			style: [{ selector: 'node', style: { width: 'data(size)', height: 'data(size)' } }],
			elements: [
				...nodes.map((n) => ({ group: 'nodes' as const, data: { id: n.id, size: n.size } })),
				...edges.map((e, i) => ({ group: 'edges' as const, data: { id: `w${i}`, source: e[0], target: e[1] } }))
			]
		});
		const built = performance.now() - started;
		const post = (phase: FcoseResult['phase']) => {
			const positions: FcoseResult['positions'] = {};
			cy.nodes().forEach((n) => {
				const p = n.position();
				positions[n.id()] = [Math.round(p.x * 10) / 10, Math.round(p.y * 10) / 10];
			});
			scope.postMessage({ job, phase, positions, ms: performance.now() - started } satisfies FcoseResult);
			void built;
		};
		cy.layout(fcoseOptions(nodes.length, 'draft')).run();
		if (nodes.length > 3000) post('final');
		else {
			post('draft');
			cy.layout(fcoseOptions(nodes.length, 'final')).run();
			post('final');
		}
		cy.destroy();
	} catch (e) {
		scope.postMessage({ job, phase: 'final', error: e instanceof Error ? e.message : String(e), positions: {}, ms: 0 } satisfies FcoseResult);
	}
};
