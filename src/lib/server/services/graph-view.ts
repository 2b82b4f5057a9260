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
 * Each relation's label, phrased once for what it depends on (its type, its source's name, kind and category), kept
 * across graph revisions: phrasing every label of the default view took 40 ms of each /api/v1/graph at 10,000 actors,
 * and kept per revision it was phrased again after each new relation, 80–90 ms in one turn of the event loop under
 * `npm run bench:load`. Emptied past 200,000 labels (about the 100,000-actor directory's relations).
 */
const labels = new Map<string, string>();
const MAX_LABELS = 200_000;

function labelOf(index: GraphIndex, e: GraphEdge): string {
	const source = index.nodes[index.position.get(e.source) ?? -1];
	const key = source ? `${e.type}\u0000${source.kind}\u0000${source.category}\u0000${source.label}` : `${e.type}\u0000`;
	let label = labels.get(key);
	if (label === undefined) {
		label = edgeLabel(e, source);
		if (labels.size >= MAX_LABELS) labels.clear();
		labels.set(key, label);
	}
	return label;
}

/**
 * A relation as the graph API sends it: `type` is the vocabulary's code, `label` its name read from the
 * source and agreed with it (« incubée par » after a startup, « incubé par » after a lab; a person keeps
 * the vocabulary's « incubé·e par », no gender being recorded).
 */
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
