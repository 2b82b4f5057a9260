import { xmlEscape } from '$lib/graph/xml';
import type { GraphEdge, GraphNode } from './api-types';
import { nodeKey, type Appearance } from './elements';
import { NAMED_VIEW, nodeBox } from './fcose-run';
import type { FirstLayout } from './first-layout';
import { edgeColor } from './graph-style';

/** The path's colour, as the live graph draws it (graph-style.ts' highlight). */
const PATH_COLOUR = '#b4236b';

/**
 * The graph's first picture as a static SVG, drawn by the server from the same data and the same
 * positions (see first-layout.ts) Cytoscape's first frame uses. The page shows it at once, under the
 * Cytoscape canvas, until Cytoscape has painted (which costs about a second on a slow machine), and it is
 * the whole picture when JavaScript is off. No actor's name goes in; the grouped layout's category
 * names (our own vocabulary) are escaped all the same.
 */
export function previewSvg(
	graph: { nodes: Pick<GraphNode, 'id' | 'label'>[]; edges: Pick<GraphEdge, 'id' | 'source' | 'target' | 'type'>[] },
	layout: Pick<FirstLayout, 'positions' | 'labels'>,
	looks: Map<number, Appearance>,
	hidden: { nodes: Set<number>; edges: Set<number> } = { nodes: new Set(), edges: new Set() },
	/** A path to draw over the view (a récit's step « de X à Y »): its actors ringed, its relations thick. */
	path: { nodes: number[]; edges: { source: number; target: number }[] } | null = null
): string {
	const at = (v: number) => Math.round(v);
	const place = (id: number) => {
		const p = hidden.nodes.has(id) ? undefined : layout.positions[nodeKey(id)];
		return p ? { x: p[0], y: p[1] } : undefined;
	};
	let minX = Infinity;
	let minY = Infinity;
	let maxX = -Infinity;
	let maxY = -Infinity;
	const grow = (x1: number, y1: number, x2: number, y2: number) => {
		minX = Math.min(minX, x1);
		minY = Math.min(minY, y1);
		maxX = Math.max(maxX, x2);
		maxY = Math.max(maxY, y2);
	};
	const shown = graph.nodes.filter((n) => !hidden.nodes.has(n.id));
	const named = shown.length <= NAMED_VIEW;
	for (const n of shown) {
		const p = place(n.id);
		const size = looks.get(n.id)?.size ?? 18;
		// Framed as Cytoscape frames it: in a small view, with room for the names under the discs.
		const box = nodeBox(size, n.label, named);
		if (p) grow(p.x - box.w / 2, p.y - size / 2, p.x + box.w / 2, p.y - size / 2 + box.h);
	}
	if (!Number.isFinite(minX)) return '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>';
	for (const l of layout.labels) grow(l.x - l.width / 2, l.y - 2.4 * l.font, l.x + l.width / 2, l.y);

	// One path per edge colour: a few long attributes instead of 1,500 elements keeps the file small and quick to paint.
	const segments = new Map<string, string[]>();
	for (const e of graph.edges) {
		const a = place(e.source);
		const b = place(e.target);
		if (!a || !b || hidden.edges.has(e.id)) continue;
		const colour = edgeColor(e.type);
		const list = segments.get(colour) ?? [];
		list.push(`M${at(a.x)} ${at(a.y)}L${at(b.x)} ${at(b.y)}`);
		segments.set(colour, list);
	}
	const circles = new Map<string, string[]>();
	for (const n of graph.nodes) {
		const p = place(n.id);
		const look = looks.get(n.id);
		if (!p || !look) continue;
		const list = circles.get(look.color) ?? [];
		list.push(`<circle cx="${at(p.x)}" cy="${at(p.y)}" r="${Math.max(1, at(look.size / 2))}"/>`);
		circles.set(look.color, list);
	}
	const width = at(maxX - minX);
	const height = at(maxY - minY);
	const pathLines = (path?.edges ?? []).flatMap((e) => {
		const a = place(e.source);
		const b = place(e.target);
		return a && b ? [`M${at(a.x)} ${at(a.y)}L${at(b.x)} ${at(b.y)}`] : [];
	});
	const pathRings = (path?.nodes ?? []).flatMap((id) => {
		const p = place(id);
		return p ? [`<circle cx="${at(p.x)}" cy="${at(p.y)}" r="${Math.max(6, at((looks.get(id)?.size ?? 18) / 2) + 4)}"/>`] : [];
	});
	return [
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="${at(minX)} ${at(minY)} ${width} ${height}" width="${width}" height="${height}">`,
		`<g fill="none" stroke-width="2" stroke-opacity="0.55">`,
		...[...segments].map(([colour, d]) => `<path stroke="${colour}" d="${d.join('')}"/>`),
		`</g>`,
		...[...circles].map(([colour, list]) => `<g fill="${colour}" stroke="#ffffff" stroke-width="1">${list.join('')}</g>`),
		...(pathLines.length ? [`<path fill="none" stroke="${PATH_COLOUR}" stroke-width="6" stroke-linecap="round" d="${pathLines.join('')}"/>`] : []),
		...(pathRings.length ? [`<g fill="none" stroke="${PATH_COLOUR}" stroke-width="4">${pathRings.join('')}</g>`] : []),
		...(layout.labels.length
			? [
					`<g fill="#5b5249" font-family="system-ui, sans-serif" font-weight="bold" text-anchor="middle">`,
					...layout.labels.map((l) => `<text x="${at(l.x)}" y="${at(l.y - l.font * 0.25)}" font-size="${l.font}">${xmlEscape(l.text)}</text>`),
					`</g>`
				]
			: []),
		`</svg>`
	].join('\n');
}
