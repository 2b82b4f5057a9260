/**
 * The arcs' curves and arrowheads as the GPU draws them (see arc-gl.ts): every curve segment becomes a quad
 * whose width is added on the screen by the shader (so a line keeps its pixel width at every zoom), every
 * arrowhead a triangle. Positions are Web Mercator (0..1), the map's own world coordinates.
 *
 * Built here rather than handed to a GeoJSON source: MapLibre cuts GeoJSON into tiles in its worker and lays
 * every tile out again, about a second for 5,000 arcs with software rendering; these arrays take a few
 * milliseconds and one upload.
 */
import type { ArcFeatureProps } from '$lib/explore/arcs';

/** Floats per vertex in `main`: position (2), the segment's other end (2), signed offset in px (1), colour (3). */
export const MAIN_STRIDE = 8;
/** Floats per vertex in `state`: active in the year asked (1), part of an arrowhead (1). */
export const STATE_STRIDE = 2;
/** Extra pixels on each side of a line, faded out by the fragment shader (its anti-aliasing). */
export const FEATHER = 1;

export type ArcFeature = GeoJSON.Feature<GeoJSON.LineString | GeoJSON.Polygon, ArcFeatureProps>;

export interface ArcVertices {
	main: Float32Array;
	state: Float32Array;
	/** Vertices in all. */
	count: number;
	/** For arc i (its `arc` property), its vertices are [first[i], first[i] + length[i]). */
	first: Uint32Array;
	length: Uint32Array;
}

const mercatorX = (lon: number) => (180 + lon) / 360;
const mercatorY = (lat: number) => (180 - (180 / Math.PI) * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360))) / 360;

/** '#rrggbb' → [r, g, b] in 0..1. */
export function rgb(hex: string): [number, number, number] {
	const n = parseInt(hex.slice(1, 7), 16);
	return Number.isNaN(n) ? [0.5, 0.5, 0.5] : [((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255];
}

/** Vertices a feature needs: 6 per segment of a curve, 3 per arrowhead. */
const verticesOf = (f: ArcFeature) => (f.geometry.type === 'LineString' ? Math.max(0, f.geometry.coordinates.length - 1) * 6 : 3);

export function arcVertices(features: readonly ArcFeature[], arcs: number): ArcVertices {
	const count = features.reduce((n, f) => n + verticesOf(f), 0);
	const main = new Float32Array(count * MAIN_STRIDE);
	const state = new Float32Array(count * STATE_STRIDE);
	const first = new Uint32Array(arcs);
	const length = new Uint32Array(arcs);
	let v = 0;
	const put = (x: number, y: number, ox: number, oy: number, across: number, c: [number, number, number], active: number, head: number) => {
		const o = v * MAIN_STRIDE;
		main[o] = x;
		main[o + 1] = y;
		main[o + 2] = ox;
		main[o + 3] = oy;
		main[o + 4] = across;
		main[o + 5] = c[0];
		main[o + 6] = c[1];
		main[o + 7] = c[2];
		state[v * STATE_STRIDE] = active;
		state[v * STATE_STRIDE + 1] = head;
		v++;
	};
	// The features of one arc (its curve, then its arrowhead) follow one another: one range per arc.
	for (const f of features) {
		const { arc, color, width, active } = f.properties;
		if (length[arc] === 0) first[arc] = v;
		const c = rgb(color);
		if (f.geometry.type === 'LineString') {
			const pts = f.geometry.coordinates.map(([lon, lat]) => [mercatorX(lon!), mercatorY(lat!)] as const);
			const half = width / 2 + FEATHER;
			for (let i = 0; i + 1 < pts.length; i++) {
				const [ax, ay] = pts[i]!;
				const [bx, by] = pts[i + 1]!;
				// B's "other end" lies beyond it on the same line: both ends then offset to the same side with the
				// same sign, which the fragment shader's anti-aliasing needs (a distance from the centre line).
				const [cx, cy] = [2 * bx - ax, 2 * by - ay];
				put(ax, ay, bx, by, half, c, active, 0);
				put(ax, ay, bx, by, -half, c, active, 0);
				put(bx, by, cx, cy, half, c, active, 0);
				put(ax, ay, bx, by, -half, c, active, 0);
				put(bx, by, cx, cy, -half, c, active, 0);
				put(bx, by, cx, cy, half, c, active, 0);
			}
		} else {
			const ring = f.geometry.coordinates[0] ?? [];
			for (const [lon, lat] of ring.slice(0, 3)) {
				const x = mercatorX(lon!);
				const y = mercatorY(lat!);
				put(x, y, x, y, 0, c, active, 1);
			}
		}
		length[arc] = v - first[arc]!;
	}
	return { main, state, count: v, first, length };
}

/** Marks arc i's vertices active or not (a year change: no new geometry, one small upload). */
export function setArcActive(vertices: ArcVertices, arc: number, active: boolean): void {
	const from = vertices.first[arc] ?? 0;
	const to = from + (vertices.length[arc] ?? 0);
	for (let v = from; v < to; v++) vertices.state[v * STATE_STRIDE] = active ? 1 : 0;
}

/** Distance in pixels from p to the segment ab. */
export function segmentDistance(p: [number, number], a: [number, number], b: [number, number]): number {
	const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
	const len2 = dx * dx + dy * dy;
	const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
	return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/**
 * The arc a click at `p` lands on, among curves already projected to the screen: the one drawn last (on top)
 * among those whose stroke covers p, else the nearest within `slack` px of its stroke. Null when none is near.
 */
export function pickArc(curves: readonly { arc: number; halfWidth: number; points: [number, number][] }[], p: [number, number], slack = 3): number | null {
	let top: number | null = null;
	let nearest: { arc: number; gap: number } | null = null;
	for (const c of curves) {
		let d = Infinity;
		for (let i = 0; i + 1 < c.points.length; i++) d = Math.min(d, segmentDistance(p, c.points[i]!, c.points[i + 1]!));
		const gap = d - c.halfWidth;
		if (gap <= 0.5) top = top === null ? c.arc : Math.max(top, c.arc);
		else if (gap <= slack && (!nearest || gap < nearest.gap)) nearest = { arc: c.arc, gap };
	}
	return top ?? nearest?.arc ?? null;
}
