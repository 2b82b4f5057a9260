import type { GraphEdge, GraphNode } from './api-types';
import { appearances } from './elements';
import { edgeColor } from './graph-style';
import { geoPositions } from './positions';

/**
 * The graph's first picture as a static SVG, drawn by the server from the same data and the same
 * « géographique » placement the interactive view starts from. The page shows it at once, under the
 * Cytoscape canvas, until Cytoscape has painted (which costs about a second on a slow machine), and it is
 * the whole picture when JavaScript is off. Only numbers and palette colours go in: no text, nothing to escape.
 */
export function previewSvg(graph: { nodes: GraphNode[]; edges: Pick<GraphEdge, 'source' | 'target' | 'type'>[] }): string {
	const positions = geoPositions(graph.nodes);
	const looks = appearances(graph.nodes, null, 'degree', 'kind');
	let minX = Infinity;
	let minY = Infinity;
	let maxX = -Infinity;
	let maxY = -Infinity;
	for (const n of graph.nodes) {
		const p = positions.get(n.id);
		const r = (looks.get(n.id)?.size ?? 18) / 2;
		if (!p) continue;
		minX = Math.min(minX, p.x - r);
		minY = Math.min(minY, p.y - r);
		maxX = Math.max(maxX, p.x + r);
		maxY = Math.max(maxY, p.y + r);
	}
	if (!Number.isFinite(minX)) return '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>';
	const at = (v: number) => Math.round(v);

	// One path per edge colour: a few long attributes instead of 1,500 elements keeps the file small and quick to paint.
	const segments = new Map<string, string[]>();
	for (const e of graph.edges) {
		const a = positions.get(e.source);
		const b = positions.get(e.target);
		if (!a || !b) continue;
		const colour = edgeColor(e.type);
		const list = segments.get(colour) ?? [];
		list.push(`M${at(a.x)} ${at(a.y)}L${at(b.x)} ${at(b.y)}`);
		segments.set(colour, list);
	}
	const circles = new Map<string, string[]>();
	for (const n of graph.nodes) {
		const p = positions.get(n.id);
		const look = looks.get(n.id);
		if (!p || !look) continue;
		const list = circles.get(look.color) ?? [];
		list.push(`<circle cx="${at(p.x)}" cy="${at(p.y)}" r="${Math.max(1, at(look.size / 2))}"/>`);
		circles.set(look.color, list);
	}
	const width = at(maxX - minX);
	const height = at(maxY - minY);
	return [
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="${at(minX)} ${at(minY)} ${width} ${height}" width="${width}" height="${height}">`,
		`<g fill="none" stroke-width="2" stroke-opacity="0.55">`,
		...[...segments].map(([colour, d]) => `<path stroke="${colour}" d="${d.join('')}"/>`),
		`</g>`,
		...[...circles].map(([colour, list]) => `<g fill="${colour}" stroke="#ffffff" stroke-width="1">${list.join('')}</g>`),
		`</svg>`
	].join('\n');
}
