/**
 * What the explorer's two panes agree on, as pure functions: the map's radius search filtering the graph,
 * an actor named by id or slug found in the graph, which relations the map draws for the graph's focus or path.
 */
import type { ActorRef } from '$lib/domain/explore-params';
import { distanceKm } from '$lib/geo/distance';
import type { GraphNode, GraphResponse, PathEdge } from '$lib/network/api-types';

export interface Hidden {
	nodes: Set<number>;
	edges: Set<number>;
}

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

/** An actor of the address (id or slug) as an id, from the graph answer when it is a slug; null when unknown. */
export function actorId(ref: ActorRef | null, nodes: readonly Pick<GraphNode, 'id' | 'slug'>[]): number | null {
	if (ref == null) return null;
	if (typeof ref === 'number') return ref;
	return nodes.find((n) => n.slug === ref)?.id ?? null;
}

/** The focused actor's relations in the graph answer (a focused view holds its neighbourhood, `depth` deep). */
export function focusRelations(graph: Pick<GraphResponse, 'edges'> | null, focus: number | null): PathEdge[] {
	return graph && focus != null ? graph.edges : [];
}
