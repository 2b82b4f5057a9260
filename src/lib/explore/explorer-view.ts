/**
 * What the explorer's two panes agree on, as pure functions: the map's radius search filtering the graph,
 * joined to what the year hides. (Ids only: the page redirects an actor named by slug, as /reseau does.)
 */
import { distanceKm } from '$lib/geo/distance';
import type { GraphResponse } from '$lib/network/api-types';
import type { Hidden } from '$lib/network/graph.manager.svelte';

export type { Hidden };

/**
 * The graph's actors outside the map's circle (« autour d'une commune »), and their relations: the graph shows
 * the same place as the map. An actor with no position is outside (the map cannot show it in the circle either).
 */
export function outsideCircle(graph: Pick<GraphResponse, 'nodes' | 'edges'>, centre: [number, number] | null, radiusKm: number): Hidden {
	const nodes = new Set<number>();
	const edges = new Set<number>();
	if (!centre) return { nodes, edges };
	for (const n of graph.nodes) if (n.lon == null || n.lat == null || distanceKm(centre, [n.lon, n.lat]) > radiusKm) nodes.add(n.id);
	for (const e of graph.edges) if (nodes.has(e.source) || nodes.has(e.target)) edges.add(e.id);
	return { nodes, edges };
}

/** Both panes' hidden elements together (the year's and the circle's). */
export function union(a: Hidden, b: Hidden): Hidden {
	if (!b.nodes.size && !b.edges.size) return a;
	if (!a.nodes.size && !a.edges.size) return b;
	return { nodes: new Set([...a.nodes, ...b.nodes]), edges: new Set([...a.edges, ...b.edges]) };
}
