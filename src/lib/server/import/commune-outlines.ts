import { booleanPointInPolygon, pointToPolygonDistance } from '@turf/turf';
import type { Db } from '../db';
import { communeOutlines } from '../repos/import.repo';

/*
 * Which commune holds a point, from the territories table's outlines. A grid of 0.1° cells lists the
 * communes whose bounding box touches each cell, so a point is tested against two or three polygons, not
 * 1,300: 10,000 rows take a few tens of milliseconds.
 */

const CELL = 0.1;
/** Simplified outlines leave thin gaps between neighbours: a point that falls in one goes to the nearest commune this close. */
const GAP_KM = 0.5;

type Outline = { code: string; bbox: [number, number, number, number]; geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon };

export interface CommuneLocator {
	/** How many communes have an outline: 0 means points cannot be located. */
	size: number;
	communeCodeAt(lon: number, lat: number): string | undefined;
}

const cellKey = (x: number, y: number) => `${x}:${y}`;

export function communeLocator(db: Db): CommuneLocator {
	const outlines = communeOutlines(db).filter((o): o is Outline => o.geometry !== null && o.bbox !== null);
	const grid = new Map<string, Outline[]>();
	for (const o of outlines) {
		const [minX, minY, maxX, maxY] = o.bbox.map((v) => Math.floor(v / CELL)) as [number, number, number, number];
		for (let x = minX; x <= maxX; x++)
			for (let y = minY; y <= maxY; y++) {
				const key = cellKey(x, y);
				const list = grid.get(key);
				if (list) list.push(o);
				else grid.set(key, [o]);
			}
	}
	const inBox = (o: Outline, lon: number, lat: number, margin = 0) =>
		lon >= o.bbox[0] - margin && lon <= o.bbox[2] + margin && lat >= o.bbox[1] - margin && lat <= o.bbox[3] + margin;

	return {
		size: outlines.length,
		communeCodeAt(lon, lat) {
			const cx = Math.floor(lon / CELL);
			const cy = Math.floor(lat / CELL);
			const here = grid.get(cellKey(cx, cy)) ?? [];
			const inside = here.find((o) => inBox(o, lon, lat) && booleanPointInPolygon([lon, lat], o.geometry));
			if (inside) return inside.code;
			// In a gap between two simplified outlines: the nearest one, if it is really near.
			const margin = GAP_KM / 111 / Math.max(0.2, Math.cos((lat * Math.PI) / 180));
			const near = new Set<Outline>();
			for (let x = cx - 1; x <= cx + 1; x++)
				for (let y = cy - 1; y <= cy + 1; y++) for (const o of grid.get(cellKey(x, y)) ?? []) if (inBox(o, lon, lat, margin)) near.add(o);
			let best: { code: string; km: number } | undefined;
			for (const o of near) {
				const km = pointToPolygonDistance([lon, lat], o.geometry, { units: 'kilometers' });
				if (km <= GAP_KM && (!best || km < best.km)) best = { code: o.code, km };
			}
			return best?.code;
		}
	};
}
