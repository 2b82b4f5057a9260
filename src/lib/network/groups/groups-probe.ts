import type { Core } from 'cytoscape';

/** Window hook of the aggregated view for the browser tests and `npm run bench:groups` (like window.__cartoGraph). */
export interface CartoGroupsProbe {
	/** Navigation start → first frame with the groups drawn, and → the view answering the pointer. */
	firstFrameMs: number | null;
	interactiveMs: number | null;
	/** Elements drawn now, and how many times the answer was drawn. */
	nodes: number;
	edges: number;
	draws: number;
	cy: Core | null;
}

declare global {
	interface Window {
		__cartoGroups?: CartoGroupsProbe;
	}
}

export function groupsProbe(): CartoGroupsProbe {
	window.__cartoGroups ??= { firstFrameMs: null, interactiveMs: null, nodes: 0, edges: 0, draws: 0, cy: null };
	return window.__cartoGroups;
}
