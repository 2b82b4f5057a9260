/** Messages to and from the layout worker, and the fcose settings shared by the worker and its main-thread fallback. */
import type { Positions } from './node-positions';

export interface FcoseRequest {
	job: number;
	/** Each node's box: its disc, or in a small view its disc and its full name under it. */
	nodes: { id: string; w: number; h: number }[];
	edges: [string, string][];
	/** Start from these positions (the server's draft): only the refinement runs. */
	start?: Positions;
}
export interface FcoseResult {
	job: number;
	/** The spectral draft comes first (the first frame), the force-directed refinement after it. */
	phase: 'draft' | 'final';
	positions: Positions;
	ms: number;
	error?: string;
}

/**
 * Two passes: the spectral draft (fast: about 0.3 s for the demo graph on one slow core) gives the first
 * frame, then the force-directed pass starts from it (`randomize: false`) and refines it; past a few
 * thousand nodes the draft is kept as is.
 */
export function fcoseOptions(nodeCount: number, phase: 'draft' | 'final') {
	return {
		name: 'fcose',
		quality: phase === 'draft' ? 'draft' : 'default',
		randomize: phase === 'draft',
		animate: false,
		fit: false,
		nodeDimensionsIncludeLabels: false,
		packComponents: true,
		nodeRepulsion: () => 9000,
		idealEdgeLength: () => 80,
		edgeElasticity: () => 0.45,
		gravity: 0.3,
		numIter: nodeCount > 1500 ? 1000 : 2500
	} as const;
}
