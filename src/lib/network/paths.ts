import type { ElementDefinition } from 'cytoscape';
import type { GraphPath, PathEntity } from './api-types';
import { edgeKey, nodeKey } from './elements';
import { edgeColor, isDirected, kindColor, kindShape } from './graph-style';

/** What to highlight on the graph: element ids, plus the elements the current view lacks (added for the time of the highlight). */
export interface Highlight {
	kind: 'path' | 'common';
	nodes: string[];
	edges: string[];
	missing: ElementDefinition[];
}

/**
 * A path found by the server may pass through actors or relations the current view leaves out (filters,
 * focus, the top-N limit): those are added as extra elements so the chain is always drawn whole.
 */
export function pathHighlight(path: GraphPath, entities: Record<string, PathEntity>, has: (id: string) => boolean): Highlight {
	const nodes = path.nodes.map(nodeKey);
	const edges = path.edges.map((e) => edgeKey(e.id));
	const missing: ElementDefinition[] = [];
	for (const id of path.nodes) {
		if (has(nodeKey(id))) continue;
		const e = entities[String(id)];
		const kind = e?.kind ?? 'organisation';
		missing.push({ group: 'nodes', data: { id: nodeKey(id), entityId: id, label: e?.label ?? String(id), kind, size: 18, color: kindColor(kind), shape: kindShape(kind) }, classes: 'extra' });
	}
	for (const e of path.edges) {
		if (has(edgeKey(e.id))) continue;
		missing.push({
			group: 'edges',
			data: { id: edgeKey(e.id), source: nodeKey(e.source), target: nodeKey(e.target), type: e.type, color: edgeColor(e.type) },
			classes: ['extra', isDirected(e.type) ? 'directed' : ''].filter(Boolean).join(' ')
		});
	}
	return { kind: 'path', nodes, edges, missing };
}

/** Shared neighbours of two actors: the two actors, their common neighbours and the relations to them. */
export function commonHighlight(a: number, b: number, items: { id: number; viaA: { id: number }; viaB: { id: number } }[]): Highlight {
	return {
		kind: 'common',
		nodes: [a, b, ...items.map((i) => i.id)].map(nodeKey),
		edges: items.flatMap((i) => [edgeKey(i.viaA.id), edgeKey(i.viaB.id)]),
		missing: []
	};
}
