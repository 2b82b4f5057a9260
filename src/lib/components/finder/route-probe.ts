import type { Map as MapLibreMap } from 'maplibre-gl';

/** Window hook for the browser tests: the route map is idle with this route's markers drawn. */
export interface RouteMapProbe {
	map: MapLibreMap | null;
	/** routeKey() of the route whose markers are on the map. */
	key: string | null;
	markers: number;
	idle: boolean;
}

declare global {
	interface Window {
		__cartoRoute?: RouteMapProbe;
	}
}

export function routeProbe(): RouteMapProbe {
	window.__cartoRoute ??= { map: null, key: null, markers: 0, idle: false };
	return window.__cartoRoute;
}
