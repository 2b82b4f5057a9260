/**
 * The symbols the map draws, said once: the layers paint with these values and the legend draws its
 * samples from them, so the legend cannot drift from the map (colours, sizes, opacities, strokes).
 */

/** A group of actors: a dark disc with a white ring and its count. */
export const CLUSTER = { color: '#3f4a54', opacity: 0.9, strokeColor: '#ffffff', strokeWidth: 2 } as const;

/** Radius (px) of a cluster by how many actors it holds: [from this many, radius]. */
const CLUSTER_STEPS: [number, number][] = [
	[0, 11],
	[10, 14],
	[100, 18],
	[1000, 23]
];
/** Under the statistics, clusters shrink so that the proportional circles around them stay readable. */
const COMPACT_CLUSTER_STEPS: [number, number][] = [
	[0, 9],
	[10, 11],
	[100, 13],
	[1000, 16]
];

const stepsOf = (compact: boolean) => (compact ? COMPACT_CLUSTER_STEPS : CLUSTER_STEPS);

export function clusterRadius(count: number, compact = false): number {
	let r = 0;
	for (const [from, radius] of stepsOf(compact)) if (count >= from) r = radius;
	return r;
}

/** The same sizes as a MapLibre `step` expression over a count expression. */
export function clusterRadiusExpression(count: unknown, compact = false): unknown[] {
	const [[, first], ...rest] = stepsOf(compact) as [[number, number], ...[number, number][]];
	return ['step', count, first, ...rest.flat()];
}

/** A single actor placed at its address: a disc of its kind's colour; [zoom, radius] stops. */
export const PRECISE_POINT = { radius: [7, 4.5, 14, 7], strokeColor: '#ffffff', strokeWidth: 1.5 } as const;
/** An actor placed at its commune's centre: a ring of its kind's colour. */
export const APPROX_POINT = { radius: [7, 3.5, 14, 6], fill: '#ffffff', fillOpacity: 0.9, strokeWidth: 2 } as const;
/** Single points fade a little under the statistics, so that the figures lead. */
export const POINT_OPACITY_UNDER_STATS = 0.75;

/** Radius at a zoom level of a [zoom, radius, zoom, radius] linear ramp (what MapLibre's `interpolate` gives). */
export function radiusAtZoom(stops: readonly number[], zoom: number): number {
	const [z0, r0, z1, r1] = stops as [number, number, number, number];
	const t = Math.min(1, Math.max(0, (zoom - z0) / (z1 - z0)));
	return r0 + t * (r1 - r0);
}

export const interpolateRadius = (stops: readonly number[]): unknown[] => ['interpolate', ['linear'], ['zoom'], ...stops];

/**
 * Statistics as proportional circles: a light fill under the actors and a solid outline over them,
 * so that a cluster sitting on a territory's centre neither hides its circle nor is hidden by it.
 */
export const STAT_CIRCLE = { fillOpacity: 0.32, strokeWidth: 2, strokeOpacity: 1 } as const;
/** Rates: the colour is the class, so the disc is fuller (clusters stay on top of it). */
export const STAT_RATE_CIRCLE_FILL_OPACITY = 0.6;
export const statCircleFillOpacity = (measure: 'count' | 'rate'): number => (measure === 'rate' ? STAT_RATE_CIRCLE_FILL_OPACITY : STAT_CIRCLE.fillOpacity);
/** Statistics as a choropleth: territory fills under everything else. */
export const STAT_FILL = { opacity: 0.88, lineColor: '#ffffff', lineWidth: 0.8 } as const;
/** Rates known only by a centroid are sized by the rate; their size key is drawn in this neutral colour. */
export const STAT_SIZE_KEY_COLOR = '#8a7f73';
