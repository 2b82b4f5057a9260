import { area, feature, featureCollection, union } from '@turf/turf';
import type { Position } from 'geojson';
import { geometryFromPolygons, polygonsOf, type AreaGeometry } from './geometry';

export interface DissolveOptions {
	/**
	 * Holes and parts smaller than this (m²) are dropped: independently simplified neighbours leave
	 * thin slivers between them that are artefacts, not real enclaves. Default 50,000 m² (5 ha).
	 */
	minAreaM2?: number;
}

/** Merges adjacent polygons into one outline (union), e.g. member communes into their EPCI. */
export function dissolvePolygons(geometries: AreaGeometry[], options: DissolveOptions = {}): AreaGeometry | null {
	if (geometries.length === 0) return null;
	let merged: AreaGeometry | null;
	if (geometries.length === 1) merged = geometries[0]!;
	else merged = union(featureCollection(geometries.map((g) => feature(g))))?.geometry ?? null;
	if (!merged) return null;
	return dropSlivers(merged, options.minAreaM2 ?? 50_000);
}

/** Removes holes and separate parts whose area is below `minAreaM2`; keeps the largest part in any case. */
export function dropSlivers(geometry: AreaGeometry, minAreaM2: number): AreaGeometry {
	const ringArea = (ring: Position[]) => area({ type: 'Polygon', coordinates: [ring] });
	const parts = polygonsOf(geometry).map((rings) => ({ rings, size: ringArea(rings[0] ?? []) }));
	const largest = Math.max(...parts.map((p) => p.size));
	const kept = parts
		.filter((p) => p.size >= minAreaM2 || p.size === largest)
		.map(({ rings }) => [rings[0]!, ...rings.slice(1).filter((hole) => ringArea(hole) >= minAreaM2)]);
	return geometryFromPolygons(kept) ?? geometry;
}
