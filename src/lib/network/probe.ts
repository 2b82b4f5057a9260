import type { Core } from 'cytoscape';

/**
 * Window hook for the browser tests and `npm run bench:graph:client` (like window.__cartoMap). Times are
 * performance.now() values or durations in ms.
 */
export interface CartoGraphProbe {
	ready: boolean;
	/** Nodes in the render graph, and those currently displayed (year, focus). */
	nodeCount: number;
	visibleNodes: number;
	edgeCount: number;
	layout: string | null;
	/** Navigation start -> first frame with the graph placed. */
	firstFrameMs: number | null;
	lastLayoutMs: number | null;
	layouts: number;
	/** Durations inside the layout worker (draft, final), for the benchmark's breakdown. */
	steps: Record<string, number>;
	renderer: 'canvas' | 'webgl';
	cy: Core | null;
}

declare global {
	interface Window {
		__cartoGraph?: CartoGraphProbe;
	}
}

export function graphProbe(): CartoGraphProbe {
	window.__cartoGraph ??= { ready: false, nodeCount: 0, visibleNodes: 0, edgeCount: 0, layout: null, firstFrameMs: null, lastLayoutMs: null, layouts: 0, steps: {}, renderer: 'canvas', cy: null };
	return window.__cartoGraph;
}
