import { countOf, periodLabel, spanDates } from '$lib/domain/french';
import { placeLabels, type Box } from '$lib/map/label-placement';
import type { PathwayStep } from '$lib/pathways/types';

/**
 * French period of a step, read on its own line of the timeline (French-phrasing module): « 2025 » rather
 * than « de 2025 à 2025 », « d'avril à août 2024 », « jusqu'en mars 2021 ». A start without an end shows the
 * start alone: the source does not say the step is still running.
 */
export const stepPeriod = (start: string | null, end: string | null): string => periodLabel(start, end);

/** One marker on the map: the steps at one place, numbered as in the timeline. */
export interface MapStop {
	lngLat: [number, number];
	orders: number[];
	/** « 2 » or « 2, 5 » when several steps happened at the same place. */
	label: string;
	place: string;
	/** Only undated steps here: drawn apart, and not on the line (their position in time is unknown). */
	undated: boolean;
}

export interface PathwayGeometry {
	stops: MapStop[];
	/** The dated steps' places in timeline order, for the joining line (consecutive repeats dropped). */
	line: [number, number][];
}

/**
 * What the map draws, derived from the steps. Steps without coordinates are left out (the timeline
 * still lists them); steps sharing a place share a marker so no number hides under another.
 */
export function pathwayGeometry(steps: PathwayStep[]): PathwayGeometry {
	const byPlace = new Map<string, MapStop>();
	const line: [number, number][] = [];
	for (const step of [...steps].sort((a, b) => a.order - b.order)) {
		const { lon, lat, communeName, name } = step.structure;
		if (lon === null || lat === null) continue;
		const key = `${lon.toFixed(5)},${lat.toFixed(5)}`;
		const stop = byPlace.get(key);
		if (stop) {
			stop.orders.push(step.order);
			stop.undated &&= !step.dateKnown;
		} else {
			byPlace.set(key, { lngLat: [lon, lat], orders: [step.order], label: '', place: communeName ?? name, undated: !step.dateKnown });
		}
		const previous = line.at(-1);
		if (step.dateKnown && (!previous || previous[0] !== lon || previous[1] !== lat)) line.push([lon, lat]);
	}
	const stops = [...byPlace.values()];
	for (const stop of stops) stop.label = stop.orders.join(', ');
	return { stops, line };
}

/**
 * Stops closer than `minPx` on screen share one marker (« 1, 7 »), so that no number hides under
 * another; the marker stays on the earliest stop's place. Recomputed at each zoom by the map.
 */
export function clusterStops(stops: MapStop[], project: (lngLat: [number, number]) => { x: number; y: number }, minPx: number): MapStop[] {
	const clusters: { at: { x: number; y: number }; stop: MapStop }[] = [];
	for (const stop of [...stops].sort((a, b) => Math.min(...a.orders) - Math.min(...b.orders))) {
		const at = project(stop.lngLat);
		const near = clusters.find((c) => Math.hypot(c.at.x - at.x, c.at.y - at.y) < minPx);
		if (!near) {
			clusters.push({ at, stop: { ...stop, orders: [...stop.orders] } });
			continue;
		}
		const merged = near.stop;
		merged.orders = [...merged.orders, ...stop.orders].sort((a, b) => a - b);
		merged.label = merged.orders.join(', ');
		if (!merged.place.split(' / ').includes(stop.place)) merged.place = `${merged.place} / ${stop.place}`;
		merged.undated &&= stop.undated;
	}
	return clusters.map((c) => c.stop);
}

export interface ShownStop {
	x: number;
	y: number;
	/** Widths in pixels of the numbered marker and of the place name. */
	markerWidth: number;
	labelWidth: number;
}

export const LABEL_GAP = 4;
const MARKER_HEIGHT = 26;
const LABEL_HEIGHT = 16;

/**
 * Which side of its marker each place name goes, or null when it would cover another marker or name:
 * the numbers always show, the names only where there is room (earliest steps first). `reserved`: boxes
 * kept clear, such as the zoom buttons.
 */
export function labelSides(stops: ShownStop[], width: number, height: number, reserved: Box[] = []): ('right' | 'left' | null)[] {
	const obstacles = reserved.concat(
		stops.map((s): Box => [s.x - s.markerWidth / 2, s.y - MARKER_HEIGHT / 2, s.x + s.markerWidth / 2, s.y + MARKER_HEIGHT / 2])
	);
	const candidates = stops.map((s, i) => {
		const inner = s.markerWidth / 2 + LABEL_GAP;
		const h = LABEL_HEIGHT / 2;
		return { key: String(i), x: s.x, y: s.y, boxes: [[inner, -h, inner + s.labelWidth, h] as Box, [-inner - s.labelWidth, -h, -inner, h] as Box] };
	});
	const chosen = placeLabels(candidates, width, height, obstacles, 2);
	return stops.map((_, i) => {
		const side = chosen.get(String(i));
		return side === 0 ? 'right' : side === 1 ? 'left' : null;
	});
}

/** [west, south, east, north] around the stops, or null when there is nothing to show. */
export function stopsBounds(stops: MapStop[]): [number, number, number, number] | null {
	if (!stops.length) return null;
	const lons = stops.map((s) => s.lngLat[0]);
	const lats = stops.map((s) => s.lngLat[1]);
	return [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
}

/** « 7 étapes, de 2023 à 2026, dont 1 sans date connue. »: the span read before the details. */
export function pathwaySummary(steps: PathwayStep[]): string {
	const n = steps.length;
	const undated = steps.filter((s) => !s.dateKnown).length;
	const years = steps.flatMap((s) => [s.start, s.end]).flatMap((d) => (d ? [Number(d.slice(0, 4))] : []));
	let text = countOf(n, 'étape');
	if (years.length) text += `, ${spanDates(String(Math.min(...years)), String(Math.max(...years)))}`;
	if (undated) text += undated === n ? (n === 1 ? ', sans date connue' : ', toutes sans date connue') : `, dont ${undated} sans date connue`;
	return `${text}.`;
}
