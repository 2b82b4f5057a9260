import { formatNumber, relationCaption, type Nameable, type RelationCaption } from '$lib/domain/french';
import type { Db } from '../db';
import { entityNames } from '../repos/contribution.repo';
import {
	relationReviewCounts,
	relationsForReview,
	type RelationKey,
	type RelationPagePosition,
	type RelationReviewFilter
} from '../repos/relation-dispute.repo';
import { dataRevision, RevisionCache } from '../cache/revision-cache';
import { assertEditor } from './managers.service';
import { relationState } from './proposal-words';
import type { AccountUser } from './users.service';

/*
 * /moderation/relations: the relations an editor should look at, by filter (`?filtre=sans-source`,
 * `non-confirmees`, `contestees`), with each filter's count. The editors' dashboard links to these URLs.
 */

export const RELATION_FILTERS: { code: RelationReviewFilter; label: string; empty: string }[] = [
	{ code: 'sans-source', label: 'Sans source', empty: 'Toutes les relations ont une source.' },
	{ code: 'non-confirmees', label: 'Non confirmées', empty: 'Aucune relation n’attend la confirmation de l’autre partie.' },
	{ code: 'contestees', label: 'Contestées', empty: 'Aucune relation contestée.' }
];
const PAGE_SIZE = 100;

export const isRelationFilter = (v: string | null): v is RelationReviewFilter => RELATION_FILTERS.some((f) => f.code === v);

export interface ReviewedRelation {
	id: number;
	type: string;
	caption: RelationCaption;
	source: { slug: string; name: string };
	target: { slug: string; name: string };
	startDate: string | null;
	endDate: string | null;
	citation: string | null;
	state: string;
	createdAt: string;
}

/** `apres`/`avant`: the relation a page starts after or ends before, as `created_at~id` (keyset, issue 18). */
export const relationKeyParam = (k: RelationKey) => `${k.createdAt}~${k.id}`;

function parseRelationKey(v: string | null): RelationKey | null {
	if (!v || v.length > 80) return null;
	const at = v.lastIndexOf('~');
	const id = Number(v.slice(at + 1));
	return at > 0 && Number.isSafeInteger(id) && id >= 1 ? { createdAt: v.slice(0, at), id } : null;
}

/** The tabs' counts, kept until the next write (a few index reads, but on every page). */
const countsKept = new WeakMap<Db, RevisionCache<Record<RelationReviewFilter, number>>>();
function reviewCounts(db: Db): Record<RelationReviewFilter, number> {
	let cache = countsKept.get(db);
	if (!cache) countsKept.set(db, (cache = new RevisionCache({ entries: 1, bytes: Number.MAX_SAFE_INTEGER })));
	const revision = dataRevision(db);
	const kept = cache.get('counts', revision);
	if (kept) return kept;
	const counts = relationReviewCounts(db);
	cache.set('counts', revision, counts, 0);
	return counts;
}

/**
 * `page` is the page's number as shown; `apres`/`avant` (the links « plus anciennes » / « plus récentes » write
 * them) say where it is read from, so a page far down the list costs what the first one does. A page number
 * alone (an older link) is still read by offset.
 */
export function relationsToReview(
	db: Db,
	editor: AccountUser,
	filterParam: string | null,
	pageParam: string | null = null,
	keys: { after?: string | null; before?: string | null } = {}
) {
	assertEditor(editor);
	const filter: RelationReviewFilter = isRelationFilter(filterParam) ? filterParam : 'sans-source';
	const counts = reviewCounts(db);
	const pages = Math.max(1, Math.ceil(counts[filter] / PAGE_SIZE));
	const asked = Number(pageParam);
	const page = Number.isSafeInteger(asked) && asked >= 1 ? Math.min(asked, pages) : 1;
	const after = parseRelationKey(keys.after ?? null);
	const before = parseRelationKey(keys.before ?? null);
	const position: RelationPagePosition = after ? { after } : before && page > 1 ? { before } : { offset: (page - 1) * PAGE_SIZE };
	const rows = relationsForReview(db, filter, PAGE_SIZE, position);
	const names = entityNames(db, [...new Set(rows.flatMap((r) => [r.sourceId, r.targetId]))]);
	const actor = (id: number): Nameable => names.get(id) ?? { name: `fiche n° ${id}`, kind: 'document' };
	const end = (id: number) => ({ slug: names.get(id)?.slug ?? '', name: actor(id).name });
	const relations: ReviewedRelation[] = rows.map((r) => {
		const declared = r.declaredByEntityId;
		const other = declared === r.sourceId ? r.targetId : declared === r.targetId ? r.sourceId : null;
		return {
			id: r.id,
			type: r.type,
			caption: relationCaption(r.type, actor(r.sourceId), actor(r.targetId)),
			source: end(r.sourceId),
			target: end(r.targetId),
			startDate: r.startDate,
			endDate: r.endDate,
			citation: r.source?.trim() || null,
			state:
				declared || r.confirmation !== 'declared'
					? relationState({
							confirmation: r.confirmation,
							declaredBy: declared ? actor(declared) : null,
							otherSide: other ? actor(other) : null,
							viewerConfirms: false
						})
					: 'saisie par l’équipe ou importée, non confirmée',
			createdAt: r.createdAt
		};
	});
	const total = counts[filter];
	const first = (page - 1) * PAGE_SIZE + 1;
	return {
		filter,
		filters: RELATION_FILTERS.map((f) => ({ ...f, count: counts[f.code], current: f.code === filter })),
		relations,
		page,
		pages,
		/** Where the next (older) and previous (newer) pages are read from. */
		olderKey: rows.length ? relationKeyParam(rows[rows.length - 1]!) : null,
		newerKey: rows.length ? relationKeyParam(rows[0]!) : null,
		/** « Relations 101 à 200 sur 1 234, les dernières saisies d’abord. », when there is more than one page. */
		range:
			pages > 1
				? `Relations ${formatNumber(first)} à ${formatNumber(first + relations.length - 1)} sur ${formatNumber(total)}, les dernières saisies d’abord.`
				: null
	};
}
