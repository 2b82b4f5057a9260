/** Small graphs for the specs: actors 1..n, relations given as [source, target] pairs (ids = order + 1). */
import { buildGraphIndex, type GraphEdge, type GraphNode } from './graph-index';

export function node(id: number, label = `Acteur ${id}`): GraphNode {
	return {
		id,
		slug: `acteur-${id}`,
		label,
		kind: 'organisation',
		category: 'startup',
		communeCode: '63113',
		communeName: 'Clermont-Ferrand',
		lon: 3.1,
		lat: 45.8
	};
}

export function edge(id: number, source: number, target: number, extra: Partial<GraphEdge> = {}): GraphEdge {
	return { id, type: 'partner_of', source, target, startDate: null, endDate: null, confirmation: 'confirmed', sourceRef: null, ...extra };
}

export function graphOf(n: number, pairs: [number, number][], extra: (i: number) => Partial<GraphEdge> = () => ({})) {
	const nodes = Array.from({ length: n }, (_, i) => node(i + 1));
	const edges = pairs.map(([s, t], i) => edge(i + 1, s, t, extra(i)));
	return buildGraphIndex(nodes, edges);
}
