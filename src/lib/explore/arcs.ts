/**
 * Relations drawn on the territory: each relation becomes a curved arc from its source's place to its
 * target's, coloured by its type's family (the graph's colours, see graph-style), with an arrowhead when the
 * type has a direction. Dense views are bundled (the relations between the same two places and of the same
 * family make one arc, wider with their count) and thinned (beyond `maxArcs`, the strongest bundles stay).
 * A path's relations keep one arc each, numbered in the path's order.
 */
import { edgeColor, isDirected } from '$lib/network/graph-style';
import { activeInYear } from '$lib/network/elements';

export interface ArcRelation {
	id: number;
	source: number;
	target: number;
	type: string;
	startDate?: string | null;
	endDate?: string | null;
}

/** Where an actor stands, and the key of the place it is counted in (commune, EPCI…): same key, same arc end. */
export interface ArcPlace {
	lon: number;
	lat: number;
	key: string;
}

export interface ArcBundle {
	/** Source place key › target place key | colour. */
	key: string;
	from: [number, number];
	to: [number, number];
	relations: number[];
	/** Relations active in the year asked (all of them without a year). */
	active: number;
	color: string;
	directed: boolean;
	/** Step of a path (1-based), or 0. */
	step: number;
	/** A weight that is not a count of relations here (flows between territories). */
	weight?: number;
}

export interface ArcOptions {
	/** One arc per relation (a path, a neighbourhood) instead of bundles. */
	bundle?: boolean;
	/** More bundles than this and only the strongest (most relations) are drawn. */
	maxArcs?: number;
	year?: number | null;
	/** Path steps by relation id (see pathSteps). */
	steps?: Map<number, number>;
}

export interface ArcSet {
	bundles: ArcBundle[];
	/** Relations drawn (in the bundles kept). */
	drawn: number;
	/** Relations left out by the thinning. */
	thinned: number;
	/** Relations one of whose ends has no position. */
	unplaced: number;
	/** Relations between two actors of the same place (nothing to draw between two places). */
	local: number;
}

export const DEFAULT_MAX_ARCS = 5000;

/** Step numbers of a path's relations, in the path's order (its first relation is 1). */
export function pathSteps(path: { edges: { id: number }[] }): Map<number, number> {
	return new Map(path.edges.map((e, i) => [e.id, i + 1]));
}

/**
 * Walks the relations drawn between two different places: `visit` gets each with its two ends; those with an
 * end unplaced, or both ends in one place, are only counted.
 */
function betweenPlaces(
	relations: readonly ArcRelation[],
	placeOf: (id: number) => ArcPlace | null | undefined,
	visit: (r: ArcRelation, a: ArcPlace, b: ArcPlace) => void
): { unplaced: number; local: number } {
	let unplaced = 0;
	let local = 0;
	for (const r of relations) {
		const a = placeOf(r.source);
		const b = placeOf(r.target);
		if (!a || !b) unplaced++;
		else if (a.key === b.key) local++;
		else visit(r, a, b);
	}
	return { unplaced, local };
}

/** Groups and thins the relations into arcs between places. */
export function bundleArcs(relations: readonly ArcRelation[], placeOf: (id: number) => ArcPlace | null | undefined, options: ArcOptions = {}): ArcSet {
	const { bundle = true, maxArcs = DEFAULT_MAX_ARCS, year = null, steps } = options;
	const byKey = new Map<string, ArcBundle>();
	const { unplaced, local } = betweenPlaces(relations, placeOf, (r, a, b) => {
		const color = edgeColor(r.type);
		const key = bundle ? `${a.key}›${b.key}|${color}` : `r${r.id}`;
		let arc = byKey.get(key);
		if (!arc) {
			arc = { key, from: [a.lon, a.lat], to: [b.lon, b.lat], relations: [], active: 0, color, directed: false, step: 0 };
			byKey.set(key, arc);
		}
		arc.relations.push(r.id);
		if (activeInYear(r, year)) arc.active++;
		arc.directed ||= isDirected(r.type);
		arc.step = Math.max(arc.step, steps?.get(r.id) ?? 0);
	});
	const all = [...byKey.values()];
	let kept = all;
	if (all.length > maxArcs) {
		// Strongest first; a path's steps are never thinned out. Ties: the key, so the choice is stable.
		kept = [...all]
			.sort((x, y) => Number(y.step > 0) - Number(x.step > 0) || y.relations.length - x.relations.length || (x.key < y.key ? -1 : 1))
			.slice(0, maxArcs);
	}
	const drawn = kept.reduce((n, b) => n + b.relations.length, 0);
	return { bundles: kept, drawn, thinned: relations.length - unplaced - local - drawn, unplaced, local };
}

/** Line width in pixels for a bundle of `n` relations (or a flow's weight): 1.6 px alone, up to 9 px. */
export const arcWidth = (n: number): number => Math.min(9, 1.6 + 1.4 * Math.log2(Math.max(1, n)));

/** Points along the curve. Enough to look smooth at the region's zooms; few enough for 5,000 arcs. */
const SAMPLES = 16;
/** Beyond this many arcs, each is drawn with fewer points. */
const MANY_ARCS = 1500;
/** How far the curve bends away from the straight line, as a share of its length. */
const BEND = 0.18;
/** A second or third arc between the same two places bends further, so they do not lie on one another. */
const BEND_STEP = 0.12;

/**
 * A quadratic curve from `a` to `b`, bending to the left of its direction (A→B and B→A bend to opposite sides),
 * computed in a plane where a degree of longitude is shortened by cos(latitude), so that the curve is round on the map.
 */
export function curve(a: [number, number], b: [number, number], bend = BEND, samples = SAMPLES): [number, number][] {
	const k = Math.cos(((a[1] + b[1]) / 2) * (Math.PI / 180));
	const [ax, ay] = [a[0] * k, a[1]];
	const [bx, by] = [b[0] * k, b[1]];
	const [dx, dy] = [bx - ax, by - ay];
	// Control point: the middle, pushed to the left of A→B by twice the bend (a quadratic reaches half of it).
	const [cx, cy] = [(ax + bx) / 2 - dy * bend * 2, (ay + by) / 2 + dx * bend * 2];
	const out: [number, number][] = [];
	out.push(a);
	for (let i = 1; i < samples; i++) {
		const t = i / samples;
		const u = 1 - t;
		const x = u * u * ax + 2 * u * t * cx + t * t * bx;
		const y = u * u * ay + 2 * u * t * cy + t * t * by;
		out.push([x / k, y]);
	}
	// The ends exactly where the actors' points are.
	out.push(b);
	return out;
}

/** A point of the curve and its direction at `t` (0 at the source, 1 at the target), in lon/lat. */
function along(line: [number, number][], t: number): { at: [number, number]; dir: [number, number] } {
	const i = Math.min(line.length - 2, Math.max(0, Math.floor(t * (line.length - 1))));
	const p = line[i]!;
	const q = line[i + 1]!;
	const f = t * (line.length - 1) - i;
	return { at: [p[0] + (q[0] - p[0]) * f, p[1] + (q[1] - p[1]) * f], dir: [q[0] - p[0], q[1] - p[1]] };
}

/** Where the arrowhead sits on a directed arc (past the middle, clear of the target's point and of the step number). */
const HEAD_AT = 0.72;

/** An arrowhead: a small triangle pointing along the curve, sized with the arc (so it keeps its proportion at every zoom). */
function arrowhead(line: [number, number][], a: [number, number], b: [number, number]): [number, number][] {
	const { at, dir } = along(line, HEAD_AT);
	const k = Math.cos(at[1] * (Math.PI / 180));
	const chord = Math.hypot((b[0] - a[0]) * k, b[1] - a[1]);
	const size = Math.min(Math.max(chord * 0.035, 0.0012), 0.025);
	const len = Math.hypot(dir[0] * k, dir[1]) || 1;
	const [ux, uy] = [(dir[0] * k) / len, dir[1] / len];
	const tip: [number, number] = [at[0] + (ux * size) / k, at[1] + uy * size];
	const back: [number, number] = [at[0] - (ux * size) / k, at[1] - uy * size];
	const half = size * 0.7;
	const left: [number, number] = [back[0] - (uy * half) / k, back[1] + ux * half];
	const right: [number, number] = [back[0] + (uy * half) / k, back[1] - ux * half];
	return [tip, left, right, tip];
}

export interface ArcFeatureProps {
	/** Index of the bundle in ArcSet.bundles (a click finds its relations there). */
	arc: number;
	color: string;
	width: number;
	count: number;
	/** 1 when at least one relation is active in the year asked. */
	active: 0 | 1;
	step: number;
}

export interface ArcStep {
	step: number;
	at: [number, number];
	color: string;
}

/**
 * The GeoJSON the arc layer draws: the curves (LineString), their arrowheads (Polygon), and the points where a
 * path's step numbers go. Arcs between the same two places (whatever the direction) bend more and more, so each
 * stays visible.
 */
export function arcsGeoJson(set: Pick<ArcSet, 'bundles'>): {
	features: GeoJSON.FeatureCollection<GeoJSON.LineString | GeoJSON.Polygon, ArcFeatureProps>;
	steps: ArcStep[];
} {
	const features: GeoJSON.Feature<GeoJSON.LineString | GeoJSON.Polygon, ArcFeatureProps>[] = [];
	const steps: ArcStep[] = [];
	const seen = new Map<string, number>();
	// Thousands of arcs: half the points each (MapLibre tiles and draws every vertex; the curves stay smooth enough at the région's scale).
	const samples = set.bundles.length > MANY_ARCS ? SAMPLES / 2 : SAMPLES;
	set.bundles.forEach((b, i) => {
		const pair = [b.from.join(','), b.to.join(',')].sort().join('|');
		const nth = seen.get(pair) ?? 0;
		seen.set(pair, nth + 1);
		const line = curve(b.from, b.to, BEND + BEND_STEP * Math.min(nth, 4), samples);
		const count = b.relations.length;
		const props: ArcFeatureProps = { arc: i, color: b.color, width: arcWidth(b.weight ?? count), count, active: b.active > 0 ? 1 : 0, step: b.step };
		features.push({ type: 'Feature', properties: props, geometry: { type: 'LineString', coordinates: line } });
		if (b.directed) features.push({ type: 'Feature', properties: props, geometry: { type: 'Polygon', coordinates: [arrowhead(line, b.from, b.to)] } });
		if (b.step > 0) steps.push({ step: b.step, at: along(line, 0.5).at, color: b.color });
	});
	steps.sort((x, y) => x.step - y.step);
	return { features: { type: 'FeatureCollection', features }, steps };
}

/**
 * Flows between territories (EPCI): the relations between two territories, both ways, make one arc between
 * their centres, as wide as their count, coloured by their most frequent family. Relations inside one
 * territory are counted in `local`.
 */
export function flowArcs(
	relations: readonly ArcRelation[],
	placeOf: (id: number) => ArcPlace | null | undefined,
	options: Pick<ArcOptions, 'maxArcs' | 'year'> = {}
): ArcSet {
	const { maxArcs = DEFAULT_MAX_ARCS, year = null } = options;
	const pairs = new Map<string, { bundle: ArcBundle; colours: Map<string, number> }>();
	const { unplaced, local } = betweenPlaces(relations, placeOf, (r, a, b) => {
		const [p, q] = a.key < b.key ? [a, b] : [b, a];
		const key = `${p.key}–${q.key}`;
		let entry = pairs.get(key);
		if (!entry) {
			entry = { bundle: { key, from: [p.lon, p.lat], to: [q.lon, q.lat], relations: [], active: 0, color: '', directed: false, step: 0 }, colours: new Map() };
			pairs.set(key, entry);
		}
		entry.bundle.relations.push(r.id);
		if (activeInYear(r, year)) entry.bundle.active++;
		const c = edgeColor(r.type);
		entry.colours.set(c, (entry.colours.get(c) ?? 0) + 1);
	});
	const all = [...pairs.values()].map(({ bundle, colours }) => {
		bundle.color = [...colours].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0]![0];
		return bundle;
	});
	all.sort((x, y) => y.relations.length - x.relations.length || (x.key < y.key ? -1 : 1));
	const kept = all.slice(0, maxArcs);
	const drawn = kept.reduce((n, b) => n + b.relations.length, 0);
	return { bundles: kept, drawn, thinned: relations.length - unplaced - local - drawn, unplaced, local };
}
