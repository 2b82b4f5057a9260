import { getContext, setContext } from 'svelte';
import type { Map as MapLibreMap } from 'maplibre-gl';

export type MapLibreModule = typeof import('maplibre-gl');

/**
 * What layer components get from the owner (MapView). Plain fields, not state: the MapLibre instance is
 * never reactive. Children are rendered only once the map has loaded its style, so both are set then.
 */
export class MapHandle {
	map!: MapLibreMap;
	maplibre!: MapLibreModule;
	/** True when our territories draw the land themselves (no basemap underneath). */
	ownLand = true;
}

const KEY = Symbol('carto-map');

export function setMapContext(handle: MapHandle): MapHandle {
	return setContext(KEY, handle);
}

export function getMapContext(): MapHandle {
	const handle = getContext<MapHandle | undefined>(KEY);
	if (!handle) throw new Error('A map layer must be placed inside <MapView>.');
	return handle;
}

/** Removes layers then their source, tolerating a map already removed by its owner. */
export function removeLayers(map: MapLibreMap, layerIds: string[], sourceIds: string[]): void {
	try {
		for (const id of layerIds) if (map.getLayer(id)) map.removeLayer(id);
		for (const id of sourceIds) if (map.getSource(id)) map.removeSource(id);
	} catch {
		// The owner removed the map first: nothing left to clean.
	}
}
