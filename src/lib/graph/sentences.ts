/**
 * Relations of a path written out for people, in their own direction (source, verb, target), through the
 * French-phrasing module: « Volcabio a été incubée par l'Incubateur des Dômes de 2019 à 2020 (confirmée par
 * les deux parties ; source : …) ».
 */
import { relationDetails, relationWithDetails, type Nameable, type RelationDetails } from '$lib/domain/french';
import type { GraphEdge, GraphNode } from './graph-index';

/** A graph node as the phrasing module reads it (its label is the actor's name). */
export const nameable = (node: Pick<GraphNode, 'label' | 'kind' | 'category'>): Nameable => ({ name: node.label, kind: node.kind, category: node.category });

const checked = (edge: GraphEdge) => ({
	type: edge.type,
	startDate: edge.startDate,
	endDate: edge.endDate,
	confirmation: edge.confirmation,
	source: edge.sourceRef
});

/** One French sentence with dates, confirmation and source; `today` (a Paris ISO day) sets the tense. */
export function relationSentence(edge: GraphEdge, source: Nameable, target: Nameable, today?: string): string {
	return relationWithDetails(checked(edge), source, target, today);
}

/** The same sentence with its notes and source apart, for a page that links the source's URLs. */
export function relationSentenceParts(edge: GraphEdge, source: Nameable, target: Nameable, today?: string): RelationDetails {
	return relationDetails(checked(edge), source, target, today);
}
