import { formatNumber, relationCaption, type Nameable, type RelationCaption } from '$lib/domain/french';
import type { Db } from '../db';
import { entityNames } from '../repos/contribution.repo';
import { relationReviewCounts, relationsForReview, type RelationReviewFilter } from '../repos/relation-dispute.repo';
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

export function relationsToReview(db: Db, editor: AccountUser, filterParam: string | null, pageParam: string | null = null) {
	assertEditor(editor);
	const filter: RelationReviewFilter = isRelationFilter(filterParam) ? filterParam : 'sans-source';
	const counts = relationReviewCounts(db);
	const pages = Math.max(1, Math.ceil(counts[filter] / PAGE_SIZE));
	const asked = Number(pageParam);
	const page = Number.isSafeInteger(asked) && asked >= 1 ? Math.min(asked, pages) : 1;
	const rows = relationsForReview(db, filter, PAGE_SIZE, (page - 1) * PAGE_SIZE);
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
		/** « Relations 101 à 200 sur 1 234, les dernières saisies d’abord. », when there is more than one page. */
		range:
			pages > 1
				? `Relations ${formatNumber(first)} à ${formatNumber(first + relations.length - 1)} sur ${formatNumber(total)}, les dernières saisies d’abord.`
				: null
	};
}
