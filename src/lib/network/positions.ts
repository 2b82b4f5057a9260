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
export function geoPositions(nodes: Pick<GraphNode, 'id' | 'lon' | 'lat'>[], width = 2400): Map<number, Point> {
	const located = nodes.filter((n) => n.lon != null && n.lat != null) as { id: number; lon: number; lat: number }[];
	const out = new Map<number, Point>();
	if (located.length === 0) return gridPositions(nodes.map((n) => n.id), { x: 0, y: 0 }, 40, out);
	const lats = located.map((n) => n.lat);
	const midLat = (Math.min(...lats) + Math.max(...lats)) / 2;
	const k = Math.cos((midLat * Math.PI) / 180);
	const xs = located.map((n) => n.lon * k);
	const minX = Math.min(...xs);
	const span = Math.max(Math.max(...xs) - minX, Math.max(...lats) - Math.min(...lats), 1e-6);
	const scale = width / span;
	const maxLat = Math.max(...lats);
	const seen = new Map<string, number>();
	for (const n of located) {
		const x = (n.lon * k - minX) * scale;
		const y = (maxLat - n.lat) * scale;
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

/**
 * « Par catégorie »: one disc per group (largest first, in rows), nodes packed on a spiral inside it,
 * the most connected at the centre. Returns the positions and the groups (for their labels).
 */
export function groupedPositions(nodes: { id: number; group: string; weight: number }[], spacing = 30): { positions: Map<number, Point>; groups: Group[] } {
	const byGroup = new Map<string, { id: number; weight: number }[]>();
	for (const n of nodes) byGroup.set(n.group, [...(byGroup.get(n.group) ?? []), n]);
	const sorted = [...byGroup.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
	const cols = Math.max(1, Math.ceil(Math.sqrt(sorted.length)));
	const radii = sorted.map(([, members]) => spacing * Math.sqrt(members.length) + spacing);
	const cell = 2 * Math.max(...radii, spacing) + spacing * 2;
	const positions = new Map<number, Point>();
	const groups: Group[] = sorted.map(([key, members], gi) => {
		const center = { x: (gi % cols) * cell, y: Math.floor(gi / cols) * cell };
		const ordered = [...members].sort((a, b) => b.weight - a.weight || a.id - b.id);
		ordered.forEach((m, i) => {
			const d = spiral(i, spacing);
			positions.set(m.id, { x: center.x + d.x, y: center.y + d.y });
		});
		return { key, center, radius: radii[gi] as number, ids: ordered.map((m) => m.id) };
	});
	return { positions, groups };
}
