import type { Map as MapLibreMap } from 'maplibre-gl';

/**
 * A small window hook for the browser tests and `npm run bench:map`: whether the map is idle with the
 * current data, and how long the last filter change took to be redrawn. Times are performance.now()
 * values, i.e. milliseconds since navigation start.
 */
export interface CartoMapProbe {
	idle: boolean;
	renders: number;
	/** Filter key of the points currently drawn. */
	dataKey: string | null;
	pointCount: number;
	/** When the first idle with points happened (ms since navigation start). */
	firstIdleAt: number | null;
	/** When the last filter change started, until it is redrawn. */
	pendingSince: number | null;
	lastRedrawMs: number | null;
	/** Steps of the last redraw (ms since it started): points received, handed to MapLibre. */
	steps: Record<string, number>;
	/** The actor ringed as selected (null: none), and when that ring was last on screen. */
	selected: number | null;
	selectedPaintedAt: number | null;
	map: MapLibreMap | null;
}

declare global {
	interface Window {
		__cartoMap?: CartoMapProbe;
	}
}

export function probe(): CartoMapProbe {
	window.__cartoMap ??= {
		idle: false,
		renders: 0,
		dataKey: null,
		pointCount: 0,
		firstIdleAt: null,
		pendingSince: null,
		lastRedrawMs: null,
		steps: {},
		selected: null,
		selectedPaintedAt: null,
		map: null
	};
	return window.__cartoMap;
}

/** Notes a step of the redraw in progress (for the benchmark's breakdown). */
export function markStep(name: string): void {
	const hook = probe();
	if (hook.pendingSince !== null) hook.steps[name] = Math.round(performance.now() - hook.pendingSince);
	else if (hook.firstIdleAt === null) hook.steps[`boot:${name}`] = Math.round(performance.now());
}
