/**
 * « Tout afficher »: the compact answer (/api/v1/graph/compact) as the graphology graph sigma.js draws. Pure
 * functions, no DOM: the component (WholeView.svelte) loads sigma and graphology lazily and feeds them this.
 */
import type { CompactGraph } from '$lib/graph/compact-graph';
import { kindColor } from '$lib/map/kind-colors';

export const wholeUrl = (dataParams: string): string => {
	const params = new URLSearchParams(dataParams);
	// Every filtered actor, up to the API's maximum (the point of this view): the readable view keeps its top 600.
	if (!params.has('focus')) params.set('limit', '20000');
	return `/api/v1/graph/compact?${params}`;
};

export interface WholeNodeAttributes {
	x: number;
	y: number;
	size: number;
	color: string;
	label: string;
	/** Actor id, for the panel. */
	entityId: number;
	degree: number;
}

/** A node's size in pixels at zoom 1: hubs stand out, the many small actors stay dots. */
export const nodeSize = (degree: number): number => Math.min(2 + 1.6 * Math.sqrt(degree), 18);

/** Keys are actor ids as strings (graphology's keys). */
export const nodeKey = (id: number): string => String(id);

/** The graph sigma draws: one node per actor at the server's position, one edge per linked pair (parallel relations drawn once). */
export function wholeGraphOf<
	G extends {
		addNode: (key: string, attributes: WholeNodeAttributes) => unknown;
		hasEdge: (s: string, t: string) => boolean;
		addEdge: (s: string, t: string, attributes: object) => unknown;
	}
>(graph: G, c: CompactGraph): G {
	const n = c.nodes;
	for (let i = 0; i < n.id.length; i++) {
		graph.addNode(nodeKey(n.id[i]!), {
			x: n.x[i]!,
			y: n.y[i]!,
			size: nodeSize(n.degree[i]!),
			color: kindColor(c.kinds[n.kind[i]!]!),
			label: n.label[i]!,
			entityId: n.id[i]!,
			degree: n.degree[i]!
		});
	}
	const { source, target } = c.edges;
	for (let k = 0; k < source.length; k++) {
		const s = nodeKey(n.id[source[k]!]!);
		const t = nodeKey(n.id[target[k]!]!);
		if (s !== t && !graph.hasEdge(s, t)) graph.addEdge(s, t, {});
	}
	return graph;
}
