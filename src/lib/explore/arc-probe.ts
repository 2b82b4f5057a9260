/**
 * A window hook for the browser tests and `npm run bench:explore`: how many arcs the map draws, and how long
 * the last change took from handing them to MapLibre to the map being idle with them.
 */
import type { ArcFeatureProps } from './arcs';

export interface ArcProbe {
	/** Arcs (curves) in the layer. */
	arcs: number;
	/** Arcs with a relation active in the year asked (the others are faded). */
	active: number;
	/** Relations they carry. */
	relations: number;
	/** Step numbers shown (a path). */
	steps: number;
	pendingSince: number | null;
	lastDrawMs: number | null;
	/** When the map was last idle with the arcs drawn. */
	drawnAt: number | null;
	/** Time spent bundling the last relations into arcs (the /carte layer). */
	computeMs: number | null;
	/** Increases with every drawing handed to the map. */
	draws: number;
	/** Each arc layer by its id (`<prefix>-lines`): its curves, and the arc under a point of the canvas. */
	layers: Record<string, { lines: () => GeoJSON.Feature<GeoJSON.LineString, ArcFeatureProps>[]; arcAt: (x: number, y: number) => number | null }>;
}

declare global {
	interface Window {
		__cartoArcs?: ArcProbe;
	}
}

export function arcProbe(): ArcProbe {
	window.__cartoArcs ??= {
		arcs: 0,
		active: 0,
		relations: 0,
		steps: 0,
		pendingSince: null,
		lastDrawMs: null,
		drawnAt: null,
		computeMs: null,
		draws: 0,
		layers: {}
	};
	return window.__cartoArcs;
}
