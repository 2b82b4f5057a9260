import type { ElementDefinition } from 'cytoscape';
import type { GraphPath, PathEntity } from './api-types';
import { edgeKey, nodeKey } from './elements';
import { edgeColor, isDirected, kindColor, kindShape, labelFont } from './graph-style';

/**
 * What to highlight on the graph: element ids, plus the definitions of every element of the chain, so
 * that the graph can add those its current view lacks (filters, focus, the top-N limit) when it draws
 * the highlight, whenever that is: the answer may come before the graph is built (a shared link).
 */
export interface Highlight {
	kind: 'path' | 'common';
	nodes: string[];
	edges: string[];
	elements: ElementDefinition[];
}

export function pathHighlight(path: GraphPath, entities: Record<string, PathEntity>): Highlight {
	const nodes = path.nodes.map(nodeKey);
	const edges = path.edges.map((e) => edgeKey(e.id));
	const elements: ElementDefinition[] = [
		...path.nodes.map((id): ElementDefinition => {
			const e = entities[String(id)];
			const kind = e?.kind ?? 'organisation';
			return {
				group: 'nodes',
				data: {
					id: nodeKey(id),
					entityId: id,
					label: e?.label ?? String(id),
					kind,
					size: 18,
					namedFont: labelFont(18),
					color: kindColor(kind),
					shape: kindShape(kind)
				},
				classes: 'extra'
			};
		}),
		...path.edges.map((e): ElementDefinition => ({
			group: 'edges',
			data: { id: edgeKey(e.id), source: nodeKey(e.source), target: nodeKey(e.target), type: e.type, color: edgeColor(e.type) },
			classes: ['extra', isDirected(e.type) ? 'directed' : ''].filter(Boolean).join(' ')
		}))
	];
	return { kind: 'path', nodes, edges, elements };
}

/** Shared neighbours of two actors: the two actors, their common neighbours and the relations to them. */
export function commonHighlight(a: number, b: number, items: { id: number; viaA: { id: number }; viaB: { id: number } }[]): Highlight {
	return {
		kind: 'common',
		nodes: [a, b, ...items.map((i) => i.id)].map(nodeKey),
		edges: items.flatMap((i) => [edgeKey(i.viaA.id), edgeKey(i.viaB.id)]),
		elements: []
	};
}

/** « Chemin 2/3 »: which of the answer's paths is drawn, 1-based, kept within the answer. */
export function pathIndex(requested: number | null | undefined, count: number): number {
	if (count <= 0) return 0;
	return Math.min(Math.max(1, Math.trunc(requested ?? 1)), count) - 1;
}
