/**
 * The actors' cluster tiles (server: $lib/server/map/cluster-tiles.ts; browser: ActorPointsLayer), said once
 * for both sides. The values are those the browser's clustered GeoJSON source had.
 */
export const ACTORS_TILE_LAYER = 'actors';
/** Coordinates per tile side: at zoom 17 (overzoomed 32 times) still a quarter of a pixel. */
export const TILE_EXTENT = 8192;
/** Points closer than this (pixels) join a cluster. */
export const CLUSTER_RADIUS_PX = 44;
/** Clustering stops at zoom 11: from 12 on every point is drawn on its own. */
export const CLUSTER_MAX_ZOOM = 11;
/** Tiles are cut up to zoom 12 and overzoomed beyond. */
export const TILES_MAX_ZOOM = 12;

/** The tiles' address for a filtered set (the filter key, as the points' address). */
export const tilesUrl = (filterKey: string) => `/carte/tuiles/{z}/{x}/{y}.pbf${filterKey ? `?${filterKey}` : ''}`;
