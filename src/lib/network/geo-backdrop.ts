import type { GeoProjection, Point } from './positions';

/**
 * The territory under the geographic layout: département outlines (and intercommunalities' when zoomed in)
 * in the nodes' own projection, drawn light grey on a canvas under Cytoscape's, moved with its pan and zoom.
 * Not interactive: a reading aid, like a map's base layer.
 */

type Geometry = { type: string; coordinates?: unknown } | null;

/** Every ring of the features' polygons, projected to the layout's plane (model coordinates). */
export function outlineRings(features: { geometry: Geometry }[], project: GeoProjection): Point[][] {
	const rings: Point[][] = [];
	const ring = (coords: number[][]) => rings.push(coords.map(([lon, lat]) => project(lon as number, lat as number)));
	for (const { geometry: g } of features) {
		if (g?.type === 'Polygon') for (const r of g.coordinates as number[][][]) ring(r);
		else if (g?.type === 'MultiPolygon') for (const poly of g.coordinates as number[][][][]) for (const r of poly) ring(r);
	}
	return rings;
}

/** Screen pixels per degree of latitude above which the intercommunalities are drawn too (about twice the zoom of the whole region on a desktop). */
export const EPCI_FROM_PX_PER_DEGREE = 300;

export interface BackdropLayers {
	departements: Path2D | null;
	epcis: Path2D | null;
}

export function toPath(rings: Point[][]): Path2D {
	const path = new Path2D();
	for (const r of rings) {
		r.forEach((p, i) => (i ? path.lineTo(p.x, p.y) : path.moveTo(p.x, p.y)));
		path.closePath();
	}
	return path;
}

/** Draws the outlines for Cytoscape's viewport (rendered = model × zoom + pan), sharp on high-density screens. */
export function drawBackdrop(canvas: HTMLCanvasElement, layers: BackdropLayers | null, viewport: { zoom: number; pan: Point }, showEpcis: boolean): void {
	// Nothing to draw (not the geographic layout): no pixels to keep, no layout read, no layer to composite.
	if (!layers) {
		if (canvas.width || canvas.height) Object.assign(canvas, { width: 0, height: 0 });
		return;
	}
	const ctx = canvas.getContext('2d');
	if (!ctx) return;
	const ratio = window.devicePixelRatio || 1;
	const width = Math.round(canvas.clientWidth * ratio);
	const height = Math.round(canvas.clientHeight * ratio);
	if (canvas.width !== width || canvas.height !== height) Object.assign(canvas, { width, height });
	ctx.setTransform(1, 0, 0, 1, 0, 0);
	ctx.clearRect(0, 0, width, height);
	const { zoom, pan } = viewport;
	ctx.setTransform(zoom * ratio, 0, 0, zoom * ratio, pan.x * ratio, pan.y * ratio);
	ctx.lineJoin = 'round';
	if (showEpcis && layers.epcis) {
		ctx.strokeStyle = '#e3e6ea';
		ctx.lineWidth = 0.8 / zoom;
		ctx.stroke(layers.epcis);
	}
	if (layers.departements) {
		ctx.strokeStyle = '#c3c9d0';
		ctx.lineWidth = 1.3 / zoom;
		ctx.stroke(layers.departements);
	}
}
