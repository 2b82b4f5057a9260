import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import type { StatItem, StatMeasure } from './api-types';

/** Sequential warm ramp (light -> dark), close to the site's accent; 5 classes at most. */
export const CHOROPLETH_RAMP = ['#fbe3cf', '#f5b98d', '#e88a58', '#c9592c', '#8f3414'] as const;
/** Counts: a raspberry no kind of actor uses (events are orange), so a small circle never reads as an event. */
export const CIRCLE_COLOR = '#a8326e';
export const MAX_CIRCLE_RADIUS = 30;
export const MIN_CIRCLE_RADIUS = 3;

const NUMBERS = {
	fr: new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }),
	en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 })
};
/** « 1 234 », « 7,5 » on a French page; 1,234 and 7.5 in English. */
export const formatNumber = (n: number): string => NUMBERS[getLocale()].format(n);

/** The colours for `n` classes, spread over the ramp so that 2 or 3 classes still contrast. */
export function classColors(n: number): string[] {
	const k = Math.max(1, Math.min(n, CHOROPLETH_RAMP.length));
	if (k === 1) return [CHOROPLETH_RAMP[2]];
	const last = CHOROPLETH_RAMP.length - 1;
	return Array.from({ length: k }, (_, i) => CHOROPLETH_RAMP[Math.round((i * last) / (k - 1))] as string);
}

/** Class of a value: the first class whose upper bound holds it (breaks ascending), the last one otherwise. */
export function classIndex(value: number, breaks: number[]): number {
	for (let i = 0; i < breaks.length; i++) if (value <= (breaks[i] as number)) return i;
	return Math.max(0, breaks.length - 1);
}

export interface ClassLegendEntry {
	color: string;
	label: string;
}

/** "≤ 2", "2 – 4,5", … "> 8" style labels from the class upper bounds. */
export function classLegend(breaks: number[]): ClassLegendEntry[] {
	const colors = classColors(breaks.length);
	return breaks.map((upper, i) => {
		const color = colors[i] as string;
		if (i === 0) return { color, label: `≤ ${formatNumber(upper)}` };
		return { color, label: `${formatNumber(breaks[i - 1] as number)} – ${formatNumber(upper)}` };
	});
}

/** Proportional circles: the area, not the radius, follows the value. */
export function circleRadius(value: number, max: number, maxRadius = MAX_CIRCLE_RADIUS): number {
	if (!(max > 0) || !(value > 0)) return 0;
	return Math.max(MIN_CIRCLE_RADIUS, maxRadius * Math.sqrt(Math.min(value, max) / max));
}

/** A "nice" round value at or below n (1, 2, 5 × 10^k). */
export function niceFloor(n: number): number {
	if (!(n > 0)) return 0;
	const p = 10 ** Math.floor(Math.log10(n));
	for (const m of [5, 2, 1]) if (m * p <= n) return m * p;
	return p;
}

/** Three reference circles for the legend: the largest nice value and two smaller ones. */
export function circleLegend(max: number, maxRadius = MAX_CIRCLE_RADIUS): { value: number; radius: number; label: string }[] {
	const top = niceFloor(max);
	if (top === 0) return [];
	const values = [...new Set([top, niceFloor(top / 4), niceFloor(top / 16)])].filter((v) => v > 0);
	return values.map((value) => ({ value, radius: circleRadius(value, max, maxRadius), label: formatNumber(value) }));
}

export const measureValue = (item: StatItem, measure: StatMeasure): number | null => (measure === 'rate' ? item.per10k : item.count);

export function figureLabel(item: StatItem, measure: StatMeasure): string {
	const actors = m.directory_count({ count: item.count });
	if (measure === 'count') return actors;
	return item.per10k == null ? m.map_figure_unknown({ actors }) : m.map_figure_rate({ rate: formatNumber(item.per10k), actors });
}

export interface StatFeatureProps {
	code: string;
	name: string;
	label: string;
	color: string;
	radius: number;
}

/**
 * Joins the figures to the outlines: rates become a choropleth where an outline is known;
 * counts, and rates of territories known only by their centroid, become proportional circles.
 */
export function statsFeatures(
	items: StatItem[],
	measure: StatMeasure,
	breaks: number[],
	max: number,
	outlines: Map<string, GeoJSON.Geometry>
): { fills: GeoJSON.FeatureCollection<GeoJSON.Geometry, StatFeatureProps>; circles: GeoJSON.FeatureCollection<GeoJSON.Point, StatFeatureProps> } {
	const colors = classColors(breaks.length);
	const fills: GeoJSON.Feature<GeoJSON.Geometry, StatFeatureProps>[] = [];
	const circles: GeoJSON.Feature<GeoJSON.Point, StatFeatureProps>[] = [];
	for (const item of items) {
		const value = measureValue(item, measure);
		const color = measure === 'rate' ? (value == null ? '#d9d3cb' : (colors[classIndex(value, breaks)] as string)) : CIRCLE_COLOR;
		const props: StatFeatureProps = { code: item.code, name: item.name, label: figureLabel(item, measure), color, radius: circleRadius(value ?? 0, max) };
		const outline = outlines.get(item.code);
		if (measure === 'rate' && item.hasOutline && outline && outline.type !== 'Point') {
			fills.push({ type: 'Feature', id: item.code, geometry: outline, properties: props });
		} else if (item.centroid) {
			circles.push({ type: 'Feature', id: item.code, geometry: { type: 'Point', coordinates: item.centroid }, properties: props });
		}
	}
	// Big circles first so that small ones stay on top and clickable.
	circles.sort((a, b) => b.properties.radius - a.properties.radius);
	return { fills: { type: 'FeatureCollection', features: fills }, circles: { type: 'FeatureCollection', features: circles } };
}
