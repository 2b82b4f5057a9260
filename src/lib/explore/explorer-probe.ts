/** A window hook for the explorer's browser tests and `npm run bench:explore`: what the page last gave each pane. */
export interface ExplorerProbe {
	selected: number | null;
	year: number | null;
	graphNodes: number;
	hiddenNodes: number;
	points: number;
	/** When the page last handed new state to the panes (performance.now()). */
	changedAt: number;
}

declare global {
	interface Window {
		__cartoExplorer?: ExplorerProbe;
	}
}

export function explorerProbe(): ExplorerProbe {
	window.__cartoExplorer ??= { selected: null, year: null, graphNodes: 0, hiddenNodes: 0, points: 0, changedAt: 0 };
	return window.__cartoExplorer;
}
