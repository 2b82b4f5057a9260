import type { GraphNode } from './api-types';

export interface Point {
	x: number;
	y: number;
}

/** Golden-angle spiral offsets: nodes sharing a place spread into a small disc instead of piling up. */
export function spiral(i: number, step: number): Point {
	if (i === 0) return { x: 0, y: 0 };
	const r = step * Math.sqrt(i);
	const a = i * 2.399963;
	return { x: r * Math.cos(a), y: r * Math.sin(a) };
}

/**
 * « Géographique »: each actor at its coordinates (equirectangular, x scaled by cos(latitude) so Auvergne
 * keeps its shape, north up), `width` pixels across. Actors at the same place spread on a spiral; those
 * without coordinates line up under the map.
 */
/** Longitude and latitude to the geographic layout's plane (model coordinates); null when no node has a place. */
export type GeoProjection = (lon: number, lat: number) => Point;

/**
 * The geographic layout's projection for a set of nodes: equirectangular at their middle latitude, their
 * extent `width` wide, north up. Outlines drawn under the nodes (geo-backdrop.ts) use the very same one.
 */
export function geoProjection(nodes: Pick<GraphNode, 'lon' | 'lat'>[], width = 2400): GeoProjection | null {
	const located = nodes.filter((n) => n.lon != null && n.lat != null) as { lon: number; lat: number }[];
	if (located.length === 0) return null;
	const lats = located.map((n) => n.lat);
	const midLat = (Math.min(...lats) + Math.max(...lats)) / 2;
	const k = Math.cos((midLat * Math.PI) / 180);
	const xs = located.map((n) => n.lon * k);
	const minX = Math.min(...xs);
	const span = Math.max(Math.max(...xs) - minX, Math.max(...lats) - Math.min(...lats), 1e-6);
	const scale = width / span;
	const maxLat = Math.max(...lats);
	return (lon, lat) => ({ x: (lon * k - minX) * scale, y: (maxLat - lat) * scale });
}

export function geoPositions(nodes: Pick<GraphNode, 'id' | 'lon' | 'lat'>[], width = 2400): Map<number, Point> {
	const out = new Map<number, Point>();
	const project = geoProjection(nodes, width);
	if (!project)
		return gridPositions(
			nodes.map((n) => n.id),
			{ x: 0, y: 0 },
			40,
			out
		);
	const seen = new Map<string, number>();
	for (const n of nodes) {
		if (n.lon == null || n.lat == null) continue;
		const { x, y } = project(n.lon, n.lat);
		const key = `${Math.round(x / 6)},${Math.round(y / 6)}`;
		const i = seen.get(key) ?? 0;
		seen.set(key, i + 1);
		const d = spiral(i, 9);
		out.set(n.id, { x: x + d.x, y: y + d.y });
	}
	const bottom = Math.max(...[...out.values()].map((p) => p.y)) + 120;
	return gridPositions(
		nodes.filter((n) => !out.has(n.id)).map((n) => n.id),
		{ x: 0, y: bottom },
		40,
		out
	);
}

function gridPositions(ids: number[], origin: Point, step: number, out: Map<number, Point>): Map<number, Point> {
	const cols = Math.max(1, Math.ceil(Math.sqrt(ids.length * 4)));
	ids.forEach((id, i) => out.set(id, { x: origin.x + (i % cols) * step, y: origin.y + Math.floor(i / cols) * step }));
	return out;
}

export interface Group {
	key: string;
	center: Point;
	radius: number;
	ids: number[];
}

/** A group's name drawn above its disc, big enough to read when the whole layout fits the screen. */
export interface GroupLabel {
	key: string;
	text: string;
	/** Where the name's last line ends (its bottom centre). */
	x: number;
	y: number;
	/** Font size in layout units, so that it reads once the whole layout fits the screen. */
	font: number;
	/** Wrap width: the group's box, so that neighbouring names never overlap. */
	width: number;
}

/**
 * « Par catégorie »: one disc per group, nodes packed on a spiral inside it, the most connected at the
 * centre; the discs are packed in rows (largest first) under their names, so that the whole layout stays
 * compact and the names read once it fits the screen. `text` names a group (with its count).
 */
export function groupedPositions(
	nodes: { id: number; group: string; weight: number }[],
	text: (key: string, count: number) => string = (key, count) => `${key} (${count})`,
	spacing = 30
): { positions: Map<number, Point>; groups: Group[]; labels: GroupLabel[] } {
	const byGroup = new Map<string, { id: number; weight: number }[]>();
	for (const n of nodes) byGroup.set(n.group, [...(byGroup.get(n.group) ?? []), n]);
	const sorted = [...byGroup.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
	const radii = sorted.map(([, members]) => spacing * Math.sqrt(members.length) + spacing);
	// Names sized for the whole layout: about 15 px on screen when it is fitted to a graph ~600 px wide.
	const area = radii.reduce((sum, r) => sum + (2 * r + 2 * spacing) ** 2, 0);
	const font = Math.round(Math.min(160, Math.max(18, Math.sqrt(area) / 32)));
	const boxes = sorted.map(([key, members], i) => {
		const label = text(key, members.length);
		const r = radii[i] as number;
		// A name wider than ten « m » wraps onto a second line.
		const natural = label.length * 0.62 * font;
		const width = Math.max(2 * r, Math.min(natural, 10 * font));
		const lines = natural > width ? 2 : 1;
		return { key, members, label, r, w: width + 2 * spacing, h: 2 * r + 2 * spacing + lines * font * 1.2 + font * 0.4, lines };
	});
	const rowWidth = Math.max(...boxes.map((b) => b.w), Math.sqrt(boxes.reduce((sum, b) => sum + b.w * b.h, 0)) * 1.25);
	const positions = new Map<number, Point>();
	const groups: Group[] = [];
	const labels: GroupLabel[] = [];
	let x = 0;
	let y = 0;
	let rowHeight = 0;
	for (const b of boxes) {
		if (x > 0 && x + b.w > rowWidth) {
			x = 0;
			y += rowHeight;
			rowHeight = 0;
		}
		const top = y + b.lines * font * 1.2 + font * 0.4;
		const center = { x: x + b.w / 2, y: top + spacing + b.r };
		const ordered = [...b.members].sort((m, n) => n.weight - m.weight || m.id - n.id);
		ordered.forEach((m, i) => {
			const d = spiral(i, spacing);
			positions.set(m.id, { x: center.x + d.x, y: center.y + d.y });
		});
		groups.push({ key: b.key, center, radius: b.r, ids: ordered.map((m) => m.id) });
		// The name's last line sits just above the disc; a longer name grows upwards.
		labels.push({ key: b.key, text: b.label, x: center.x, y: top + spacing * 0.6, font, width: Math.round(b.w - spacing) });
		x += b.w;
		rowHeight = Math.max(rowHeight, b.h);
	}
	return { positions, groups, labels };
}

/**
 * « Cercles par centralité »: the most central actor in the middle, then rings outwards in rank order,
 * ring i holding about (2i + 1) times the innermost ring's count (rings fill like a disc); each ring's
 * radius leaves room for its nodes side by side. `ranked` is sorted, most central first.
 */
export function concentricPositions(ranked: { id: number; size: number }[], spacing = 6): Map<number, Point> {
	const out = new Map<number, Point>();
	const perUnit = Math.max(1, ranked.length / 144);
	const rings: { id: number; size: number }[][] = [];
	ranked.forEach((n, r) => {
		const ring = Math.floor(Math.sqrt(r / perUnit));
		(rings[ring] ??= []).push(n);
	});
	let radius = 0;
	let previous = 0;
	rings.forEach((ring, i) => {
		const widest = Math.max(...ring.map((n) => n.size));
		if (i === 0 && ring.length === 1) radius = 0;
		else radius = Math.max(radius + (previous + widest) / 2 + spacing * 2, (ring.length * (widest + spacing)) / (2 * Math.PI));
		ring.forEach((n, k) => {
			const a = -Math.PI / 2 + (2 * Math.PI * k) / ring.length;
			out.set(n.id, radius === 0 ? { x: 0, y: 0 } : { x: radius * Math.cos(a), y: radius * Math.sin(a) });
		});
		previous = widest;
	});
	return out;
}
