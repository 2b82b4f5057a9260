/** Shared pieces of the graph services: actor lookup, filters -> masks, JSON shapes of nodes and relations. */
import type { EntityFilters } from '$lib/domain/filters';
import { hasActiveFilters } from '$lib/domain/filter-params';
import { edgeLabel } from '$lib/graph/export-model';
import { edgeMask, type GraphEdge, type GraphIndex } from '$lib/graph/graph-index';
import type { Db } from '../db';
import { filteredEntityIds } from '../repos/graph.repo';
import { NotFoundError } from './errors';
import { m } from '$lib/paraglide/messages';

/** An actor of the live graph by id or slug (node position), or a 404. */
export function resolveActor(index: GraphIndex, ref: number | string): number {
	const position = typeof ref === 'number' || /^\d+$/.test(ref) ? index.position.get(Number(ref)) : index.bySlug.get(ref);
	if (position === undefined) throw new NotFoundError(m.errors_no_published_actor({ ref }));
	return position;
}

/** Positions of the actors the shared filters keep, or null when no filter is set. */
export function allowedMask(db: Db, index: GraphIndex, filters: EntityFilters): Uint8Array | null {
	if (!hasActiveFilters(filters)) return null;
	const mask = new Uint8Array(index.nodes.length);
	for (const id of filteredEntityIds(db, filters)) {
		const p = index.position.get(id);
		if (p !== undefined) mask[p] = 1;
	}
	return mask;
}

export interface RelationFilters {
	type: string[];
	year?: number;
	confirmed: boolean;
}

export const relationMask = (index: GraphIndex, q: RelationFilters) => edgeMask(index, { types: q.type, year: q.year, confirmedOnly: q.confirmed });

/**
 * A relation as the graph API sends it: `type` is the vocabulary's code, `label` its name read from the
 * source and agreed with it (« incubée par » after a startup, « incubé par » after a lab; a person keeps
 * the vocabulary's « incubé·e par », no gender being recorded).
 */
/**
 * Each relation's label, phrased once per graph revision: a relation object lives as long as its revision's
 * index, and phrasing every label of the default view took 40 ms of each /api/v1/graph at 10,000 actors.
 */
const labels = new WeakMap<GraphEdge, string>();

function labelOf(index: GraphIndex, e: GraphEdge): string {
	let label = labels.get(e);
	if (label === undefined) {
		label = edgeLabel(e, index.nodes[index.position.get(e.source) ?? -1]);
		labels.set(e, label);
	}
	return label;
}

export function edgeJson(index: GraphIndex, e: GraphEdge) {
	return {
		id: e.id,
		source: e.source,
		target: e.target,
		type: e.type,
		label: labelOf(index, e),
		startDate: e.startDate,
		endDate: e.endDate,
		confirmation: e.confirmation,
		sourceRef: e.sourceRef
	};
}
export type EdgeJson = ReturnType<typeof edgeJson>;

export function actorJson(index: GraphIndex, position: number) {
	const n = index.nodes[position]!;
	return { id: n.id, slug: n.slug, label: n.label, kind: n.kind };
}
