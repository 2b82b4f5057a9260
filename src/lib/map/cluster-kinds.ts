import { ENTITY_KINDS } from '$lib/domain/vocabulary';

/** MapLibre clusterProperties: each cluster carries how many of its members are of each kind. */
export function clusterKindCounts(): Record<string, unknown[]> {
	return Object.fromEntries(ENTITY_KINDS.map((k) => [k, ['+', ['case', ['==', ['get', 'kind'], k], 1, 0]]]));
}

/** Expression: how many members of a cluster are of the kinds shown ([] = all of them). */
export function shownCount(show: string[]): unknown[] {
	if (show.length === 0) return ['get', 'point_count'];
	if (show.length === 1) return ['get', show[0]];
	return ['+', ...show.map((k) => ['get', k])];
}

/** Expression: whether a single point is of a kind shown ([] = all). */
export function kindShown(show: string[]): unknown {
	return show.length === 0 ? true : ['in', ['get', 'kind'], ['literal', show]];
}

/** The same count, read from a cluster's properties in JavaScript (for the HTML counts). */
export function shownCountOf(properties: Record<string, unknown>, show: string[]): number {
	if (show.length === 0) return Number(properties.point_count ?? 0);
	return show.reduce((sum, k) => sum + Number(properties[k] ?? 0), 0);
}
