/** Window hook of « Tout afficher » for the browser tests and `npm run bench:whole` (like window.__cartoGraph). */
export interface WholeProbe {
	ready: boolean;
	/** performance.now() when the click on « Tout afficher » asked for the graph, and when its first frame was on screen. */
	askedAt: number | null;
	firstFrameAt: number | null;
	/** Milestones (ms since `askedAt`): answer parsed, libraries loaded, graph built. */
	steps: Record<string, number>;
	nodes: number;
	edges: number;
	positionsStale: boolean;
	hovered: number | null;
	/** Where an actor is drawn, in the view's CSS pixels (null: not in the view). */
	screen: ((id: number) => { x: number; y: number } | null) | null;
}

declare global {
	interface Window {
		__cartoWhole?: WholeProbe;
	}
}

export function wholeProbe(): WholeProbe {
	window.__cartoWhole ??= {
		ready: false,
		askedAt: null,
		firstFrameAt: null,
		steps: {},
		nodes: 0,
		edges: 0,
		positionsStale: false,
		hovered: null,
		screen: null
	};
	return window.__cartoWhole;
}
