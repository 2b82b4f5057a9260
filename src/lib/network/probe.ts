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
	/** The actor under the mouse (neighbour highlighting), if any. */
	hovered: number | null;
	/** The outlines drawn under the geographic layout (null: none drawn). */
	backdrop: { departements: boolean; epcis: boolean } | null;
	/** How an actor's label is drawn now (see drawnLabel). */
	label: ((entityId: number) => DrawnLabel | null) | null;
	cy: Core | null;
}

/** What a node's label shows on screen: its text as drawn (cut with « … » or wrapped), its size in pixels, and whether it is drawn. */
export interface DrawnLabel {
	text: string;
	screenPx: number;
	shown: boolean;
}

declare global {
	interface Window {
		__cartoGraph?: CartoGraphProbe;
	}
}

export function graphProbe(): CartoGraphProbe {
	window.__cartoGraph ??= {
		ready: false,
		nodeCount: 0,
		visibleNodes: 0,
		edgeCount: 0,
		layout: null,
		firstFrameMs: null,
		lastLayoutMs: null,
		layouts: 0,
		steps: {},
		renderer: 'canvas',
		hovered: null,
		backdrop: null,
		label: null,
		cy: null
	};
	return window.__cartoGraph;
}

/** A computed style value (Cytoscape's pstyle, missing from its type definitions). */
export function pstyle(ele: unknown, property: string): { value: unknown; pfValue: number; strValue: string } {
	return (ele as { pstyle: (p: string) => { value: unknown; pfValue: number; strValue: string } }).pstyle(property);
}

/** The label of an element as Cytoscape draws it (for the tests; reads the renderer's own text fitting). */
export function drawnLabel(cy: Core, id: string): DrawnLabel | null {
	const ele = cy.getElementById(id);
	if (ele.empty()) return null;
	const renderer = (cy as unknown as { renderer: () => { getLabelText: (e: unknown) => string } }).renderer();
	const text = renderer
		.getLabelText(ele[0])
		.replace(/\s*\n\s*/g, ' ')
		.trim();
	const screenPx = Number(pstyle(ele, 'font-size').pfValue) * cy.zoom();
	const min = Number(pstyle(ele, 'min-zoomed-font-size').pfValue);
	const shown = ele.visible() && Number(pstyle(ele, 'text-opacity').value) > 0 && screenPx >= min;
	return { text, screenPx, shown };
}
