import type { LngLatBoundsLike } from 'maplibre-gl';
import type { FinderOption, FinderResult } from '$lib/pathways/types';

export interface RoutePin {
	step: number;
	/** 0 for the first-ranked option of its step: drawn bigger and on top. */
	rank: number;
	option: FinderOption;
	lon: number;
	lat: number;
}

/** Every option that has a position, the first-ranked ones last so they sit on top of the others. */
export function routePins(result: FinderResult): RoutePin[] {
	const pins: RoutePin[] = [];
	for (const step of result.steps) {
		step.options.forEach((option, rank) => {
			const { lon, lat } = option.structure;
			if (lon != null && lat != null) pins.push({ step: step.order, rank, option, lon, lat });
		});
	}
	return pins.sort((a, b) => Number(a.rank === 0) - Number(b.rank === 0) || b.step - a.step);
}

/** The suggested way through: from the commune to the first-ranked structure of each step, in order. */
export function routeLine(result: FinderResult): GeoJSON.Feature<GeoJSON.LineString> {
	const coordinates: GeoJSON.Position[] = [[result.origin.lon, result.origin.lat]];
	for (const step of result.steps) {
		const best = step.options.find((o) => o.structure.lon != null && o.structure.lat != null);
		if (best) coordinates.push([best.structure.lon as number, best.structure.lat as number]);
	}
	return { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates } };
}

/** The commune and every proposed structure fit in the frame (a lone commune gets a small box around it). */
export function routeBounds(result: FinderResult): LngLatBoundsLike {
	let [w, s, e, n] = [result.origin.lon, result.origin.lat, result.origin.lon, result.origin.lat];
	for (const pin of routePins(result)) {
		w = Math.min(w, pin.lon);
		e = Math.max(e, pin.lon);
		s = Math.min(s, pin.lat);
		n = Math.max(n, pin.lat);
	}
	const pad = 0.02;
	return [
		[w - pad, s - pad],
		[e + pad, n + pad]
	];
}

/**
 * Pixel offsets that pull apart markers drawn on top of each other (structures of one town, or next door
 * to the commune): greedily, each point joins the first group whose anchor is within `minPx`, and the
 * others of a group are set on a ring around its anchor. Points come in priority order: the first of a
 * group (the commune, then first-ranked options) keeps its true place.
 */
export function spreadOffsets(points: { x: number; y: number }[], minPx = 26): [number, number][] {
	const groups: number[][] = [];
	for (let i = 0; i < points.length; i++) {
		const p = points[i] as { x: number; y: number };
		const group = groups.find((g) => {
			const a = points[g[0] as number] as { x: number; y: number };
			return Math.hypot(a.x - p.x, a.y - p.y) < minPx;
		});
		if (group) group.push(i);
		else groups.push([i]);
	}
	const offsets: [number, number][] = points.map(() => [0, 0]);
	for (const [anchor, ...others] of groups) {
		if (anchor === undefined || others.length === 0) continue;
		const a = points[anchor] as { x: number; y: number };
		// Enough room on the ring for every marker, never closer than minPx to the anchor.
		const radius = Math.max(minPx, (others.length * minPx) / (2 * Math.PI));
		others.forEach((i, k) => {
			const angle = -Math.PI / 2 + (2 * Math.PI * k) / others.length;
			const p = points[i] as { x: number; y: number };
			offsets[i] = [Math.round(a.x + radius * Math.cos(angle) - p.x), Math.round(a.y + radius * Math.sin(angle) - p.y)];
		});
	}
	return offsets;
}
