/** What the GEXF and GraphML files hold: the view's nodes and relations with their attributes. */
import { relationLabelFor } from '$lib/domain/french';
import { categoryLabel, kindLabel } from '$lib/domain/vocabulary';
import type { GraphEdge, GraphNode } from './graph-index';
import { nameable } from './sentences';

export interface ExportGraph {
	nodes: GraphNode[];
	edges: GraphEdge[];
	/** One line saying what the view is (filters), written into the file's metadata. */
	description: string;
}

type Value = string | number | null;
export interface Column<T> {
	id: string;
	title: string;
	type: 'string' | 'double' | 'integer';
	value: (item: T) => Value;
}

export const nodeColumns: Column<GraphNode>[] = [
	{ id: 'slug', title: 'slug', type: 'string', value: (n) => n.slug },
	{ id: 'kind', title: 'kind', type: 'string', value: (n) => n.kind },
	{ id: 'kindLabel', title: 'kindLabel', type: 'string', value: (n) => kindLabel(n.kind) },
	{ id: 'category', title: 'category', type: 'string', value: (n) => n.category },
	{ id: 'categoryLabel', title: 'categoryLabel', type: 'string', value: (n) => categoryLabel(n.category) },
	// People read the commune's name; the INSEE code is there for joins with other data.
	{ id: 'commune', title: 'commune', type: 'string', value: (n) => n.communeName ?? n.communeCode },
	{ id: 'communeCode', title: 'communeCode', type: 'string', value: (n) => n.communeCode },
	{ id: 'lon', title: 'lon', type: 'double', value: (n) => n.lon },
	{ id: 'lat', title: 'lat', type: 'double', value: (n) => n.lat }
];

export const edgeColumns: Column<GraphEdge>[] = [
	{ id: 'type', title: 'type', type: 'string', value: (e) => e.type },
	{ id: 'startDate', title: 'startDate', type: 'string', value: (e) => e.startDate },
	{ id: 'endDate', title: 'endDate', type: 'string', value: (e) => e.endDate },
	{ id: 'confirmation', title: 'confirmation', type: 'string', value: (e) => e.confirmation },
	{ id: 'source', title: 'source', type: 'string', value: (e) => e.sourceRef }
];

/**
 * A relation's label, read from its source and agreed with it through the French-phrasing module:
 * « incubée par » after a startup, « membres de » after « Les Pionniers du Velay »; a person (no recorded
 * gender) and an unknown source keep the vocabulary's label. The files keep the code next to it (`type`).
 */
export const edgeLabel = (e: GraphEdge, source: Pick<GraphNode, 'label' | 'kind' | 'category'> | undefined): string =>
	relationLabelFor(e.type, 'out', source ? nameable(source) : { name: '', kind: 'person' });

/** Each relation's label in a file, its source found among the file's nodes. */
export function edgeLabels(graph: Pick<ExportGraph, 'nodes' | 'edges'>): (e: GraphEdge) => string {
	const byId = new Map(graph.nodes.map((n) => [n.id, n]));
	return (e) => edgeLabel(e, byId.get(e.source));
}
export const nodeKey = (id: number) => `n${id}`;
export const edgeKey = (id: number) => `e${id}`;
