import { feature, featureCollection, kinks, union, unkinkPolygon } from '@turf/turf';
import type { Polygon, Position } from 'geojson';
import { geometryFromPolygons, isAreaGeometry, polygonsOf, type AreaGeometry } from './geometry';

export type RepairResult =
	{ status: 'valid'; geometry: AreaGeometry } | { status: 'repaired'; geometry: AreaGeometry; reasons: string[] } | { status: 'invalid'; reasons: string[] };

/**
 * Checks a polygon geometry coming from outside and fixes what can be fixed without guessing:
 * unclosed rings, repeated points, degenerate rings, self-intersections (split then merged back).
 * Anything else (not a polygon, bad coordinates, nothing left) is `invalid`. Reasons are in French
 * because they end up in the import report.
 */
export function repairGeometry(input: unknown): RepairResult {
	if (!isAreaGeometry(input)) return { status: 'invalid', reasons: ['géométrie absente ou non surfacique'] };
	const reasons = new Set<string>();
	const polygons: Position[][][] = [];
	for (const rings of polygonsOf(input)) {
		if (!Array.isArray(rings) || !rings.every((r) => Array.isArray(r) && r.every(isValidPosition))) {
			return { status: 'invalid', reasons: ['coordonnées invalides (hors WGS84 ou non numériques)'] };
		}
		const [outer, ...holes] = rings.map((r) => cleanRing(r, reasons));
		if (!outer) {
			reasons.add('polygone dégénéré supprimé');
			continue;
		}
		const keptHoles = holes.filter((h): h is Position[] => h !== null);
		if (keptHoles.length < holes.length) reasons.add('trou dégénéré supprimé');
		polygons.push([outer, ...keptHoles]);
	}
	const geometry = geometryFromPolygons(polygons);
	if (!geometry) return { status: 'invalid', reasons: [...reasons, 'aucun polygone exploitable'] };

	let result: AreaGeometry = geometry;
	if (kinks(feature(geometry)).features.length > 0) {
		const untangled = untangle(geometry);
		if (!untangled) return { status: 'invalid', reasons: [...reasons, 'auto-intersection irréparable'] };
		result = untangled;
		reasons.add('auto-intersection corrigée');
	}
	return reasons.size === 0 ? { status: 'valid', geometry: result } : { status: 'repaired', geometry: result, reasons: [...reasons] };
}

function isValidPosition(p: unknown): p is Position {
	if (!Array.isArray(p) || p.length < 2) return false;
	const [lon, lat] = p as unknown[];
	return typeof lon === 'number' && typeof lat === 'number' && Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lon) <= 180 && Math.abs(lat) <= 90;
}

/** Drops repeated points and closes the ring; null when fewer than three distinct points remain. */
function cleanRing(ring: Position[], reasons: Set<string>): Position[] | null {
	const out: Position[] = [];
	let repeated = 0;
	for (const p of ring) {
		const last = out[out.length - 1];
		if (last && last[0] === p[0] && last[1] === p[1]) {
			repeated++;
			continue;
		}
		out.push([p[0]!, p[1]!]);
	}
	const first = out[0];
	const last = out[out.length - 1];
	const closed = first !== undefined && last !== undefined && out.length > 1 && first[0] === last[0] && first[1] === last[1];
	if (repeated > 0) reasons.add('points répétés supprimés');
	if (!closed && first) {
		out.push([first[0]!, first[1]!]);
		reasons.add('anneau non fermé refermé');
	}
	if (out.length < 4) return null;
	return out;
}

/** Splits self-intersecting rings into simple polygons and merges them back. */
function untangle(geometry: AreaGeometry): AreaGeometry | null {
	try {
		const parts: Polygon[] = [];
		for (const rings of polygonsOf(geometry)) {
			for (const f of unkinkPolygon(feature<Polygon>({ type: 'Polygon', coordinates: rings })).features) parts.push(f.geometry);
		}
		if (parts.length === 0) return null;
		if (parts.length === 1) return parts[0]!;
		const merged = union(featureCollection(parts.map((p) => feature(p))));
		return merged ? merged.geometry : null;
	} catch {
		return null;
	}
}
