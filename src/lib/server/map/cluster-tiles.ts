import { Supercluster } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { CompactPoint } from '$lib/map/api-types';
import { ACTORS_TILE_LAYER, CLUSTER_MAX_ZOOM, CLUSTER_RADIUS_PX, TILE_EXTENT, TILES_MAX_ZOOM } from '$lib/map/cluster-tiles';
import { spreadPositions } from '$lib/map/points-geojson';

/**
 * The actors' map clustered on the server (issue 18: at 100,000 actors the browser spent seconds turning the
 * points into GeoJSON, handing them to MapLibre's worker and clustering them there). The same clustering MapLibre
 * did in the browser — its own supercluster (@maplibre/geojson-vt), the same radius, zooms and spread of the
 * approximate points — done once per data revision and filters in a worker thread (worker/tiles-worker.ts), then
 * cut into vector tiles: the browser fetches the few tiles it shows, each a few kilobytes.
 *
 * Each cluster counts its members per kind (so that showing some kinds only restyles the map, as before) and
 * carries the zoom at which it splits (a click zooms there without asking anything).
 */
export type ClusterIndex = Supercluster;

export function clusterIndex(points: readonly CompactPoint[], kinds: readonly string[]): ClusterIndex {
	const xy = spreadPositions(points);
	const features: GeoJSON.Feature<GeoJSON.Point>[] = new Array(points.length);
	for (let i = 0; i < points.length; i++) {
		const [id, , , kindIndex, approx] = points[i]!;
		features[i] = {
			type: 'Feature',
			id,
			geometry: { type: 'Point', coordinates: [xy[2 * i]!, xy[2 * i + 1]!] },
			properties: { id, kind: kinds[kindIndex] ?? 'unknown', approx: approx ? 1 : 0 }
		};
	}
	const index = new Supercluster({
		// As MapLibre sets up its own: radius in pixels of a 512-pixel tile, scaled to the tile's extent.
		radius: CLUSTER_RADIUS_PX * (TILE_EXTENT / 512),
		extent: TILE_EXTENT,
		maxZoom: CLUSTER_MAX_ZOOM,
		map: (props) => {
			const counts: Record<string, number> = {};
			for (const k of kinds) counts[k] = props?.kind === k ? 1 : 0;
			return counts;
		},
		reduce: (acc, props) => {
			for (const k of kinds) (acc[k] as number) += props[k] as number;
		}
	});
	index.load(features);
	return index;
}

/** Whether z/x/y names a tile this map serves (tiles beyond TILES_MAX_ZOOM are the browser's overzoom). */
export function isServedTile(z: number, x: number, y: number): boolean {
	if (![z, x, y].every(Number.isInteger) || z < 0 || z > TILES_MAX_ZOOM) return false;
	const n = 2 ** z;
	return x >= 0 && x < n && y >= 0 && y < n;
}

/** One tile as Mapbox Vector Tile bytes (layer ACTORS_TILE_LAYER); an empty tile when nothing is there. */
export function clusterTile(index: ClusterIndex, z: number, x: number, y: number): Uint8Array {
	const tile = index.getTile(z, x, y) ?? { transformed: true, features: [], source: null, x, y, z };
	for (const f of tile.features) {
		const tags = f.tags as Record<string, unknown> | null;
		if (tags?.cluster) tags.expansion_zoom = index.getClusterExpansionZoom(tags.cluster_id as number);
	}
	return fromGeojsonVt({ [ACTORS_TILE_LAYER]: tile } as never, { version: 2, extent: TILE_EXTENT });
}
