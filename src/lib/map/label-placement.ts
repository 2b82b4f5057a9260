/**
 * Greedy label placement: candidates in priority order; each takes the first of its alternative boxes
 * that overlaps neither an obstacle (cluster bubbles) nor a label already kept, or is dropped.
 */
export type Box = [left: number, top: number, right: number, bottom: number];

export interface LabelCandidate {
	key: string;
	x: number;
	y: number;
	/** Alternative boxes relative to (x, y), preferred first. */
	boxes: Box[];
}

const overlaps = (a: Box, b: Box) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

/** key -> index of the box chosen. */
export function placeLabels(candidates: LabelCandidate[], width: number, height: number, obstacles: Box[] = [], margin = 3): Map<string, number> {
	const kept: Box[] = [...obstacles];
	const out = new Map<string, number>();
	for (const c of candidates) {
		for (let i = 0; i < c.boxes.length; i++) {
			const b = c.boxes[i] as Box;
			const r: Box = [c.x + b[0] - margin, c.y + b[1] - margin, c.x + b[2] + margin, c.y + b[3] + margin];
			if (r[0] < 0 || r[1] < 0 || r[2] > width || r[3] > height) continue;
			if (kept.some((k) => overlaps(k, r))) continue;
			kept.push(r);
			out.set(c.key, i);
			break;
		}
	}
	return out;
}

/** Smallest population labelled at a zoom level: préfectures first, villages only close up. */
export function minPopulationAt(zoom: number): number {
	if (zoom < 7.4) return 15_000;
	if (zoom < 8.2) return 5_000;
	if (zoom < 9) return 2_000;
	if (zoom < 9.8) return 800;
	if (zoom < 10.6) return 300;
	return 0;
}

/**
 * Whether a commune's point says where the town is: its outline's centre or a gazetteer point. Communes
 * placed at their intercommunality's seat or their département's centre are never named on the map
 * (their name would sit on another town).
 */
export const PRECISE_CENTROIDS = ['contour', 'geonames'] as const;
export const hasPreciseCentroid = (precision: string | null | undefined): boolean => (PRECISE_CENTROIDS as readonly string[]).includes(precision ?? '');
