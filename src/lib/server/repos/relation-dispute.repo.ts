import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { pendingChanges, relations, type PendingChangeRow } from '../db/schema';

/** The dispute still open about a relation, if any (there is at most one: a second contest adds a comment). */
export function openDisputeOf(db: Db, relationId: number): PendingChangeRow | undefined {
	return db
		.select()
		.from(pendingChanges)
		.where(and(eq(pendingChanges.relationId, relationId), eq(pendingChanges.kind, 'relation_dispute'), eq(pendingChanges.status, 'pending')))
		.get();
}

/** Open disputes about any of these relations, by relation id. */
export function openDisputesOf(db: Db, relationIds: number[]): Map<number, PendingChangeRow> {
	if (relationIds.length === 0) return new Map();
	const rows = db
		.select()
		.from(pendingChanges)
		.where(and(eq(pendingChanges.kind, 'relation_dispute'), eq(pendingChanges.status, 'pending'), inArray(pendingChanges.relationId, relationIds)))
		.all();
	return new Map(rows.map((r) => [r.relationId as number, r]));
}

/** Replaces a waiting dispute's comments; false once an editor closed it. */
export function setDisputePayload(db: Db, id: number, payload: Record<string, unknown>): boolean {
	return (
		db
			.update(pendingChanges)
			.set({ payload })
			.where(and(eq(pendingChanges.id, id), eq(pendingChanges.status, 'pending')))
			.run().changes === 1
	);
}

export type RelationReviewFilter = 'sans-source' | 'non-confirmees' | 'contestees';

const filterSql = {
	'sans-source': sql`(r.source is null or trim(r.source) = '')`,
	'non-confirmees': sql`r.confirmation = 'declared'`,
	contestees: sql`r.confirmation = 'disputed'`
} as const;

/** Live relations between live listings matching a filter, the latest entered first. */
export function relationsForReview(db: Db, filter: RelationReviewFilter, limit: number, offset = 0) {
	return db.all<{
		id: number;
		type: string;
		sourceId: number;
		targetId: number;
		startDate: string | null;
		endDate: string | null;
		source: string | null;
		confirmation: 'declared' | 'confirmed' | 'disputed';
		declaredByEntityId: number | null;
		createdAt: string;
	}>(sql`
		select r.id, r.type, r.source_id as sourceId, r.target_id as targetId, r.start_date as startDate, r.end_date as endDate,
			r.source, r.confirmation, r.declared_by_entity_id as declaredByEntityId, r.created_at as createdAt
		from relations r
		join entities s on s.id = r.source_id and s.deleted_at is null
		join entities t on t.id = r.target_id and t.deleted_at is null
		where r.deleted_at is null and ${filterSql[filter]}
		order by r.created_at desc, r.id desc
		limit ${limit} offset ${offset}`);
}

/** How many live relations each filter holds (the tabs' counts and the dashboard's figures). */
export function relationReviewCounts(db: Db): Record<RelationReviewFilter, number> {
	const row = db.get<{ sansSource: number; nonConfirmees: number; contestees: number }>(sql`
		select
			coalesce(sum(case when r.source is null or trim(r.source) = '' then 1 else 0 end), 0) as sansSource,
			coalesce(sum(case when r.confirmation = 'declared' then 1 else 0 end), 0) as nonConfirmees,
			coalesce(sum(case when r.confirmation = 'disputed' then 1 else 0 end), 0) as contestees
		from relations r
		join entities s on s.id = r.source_id and s.deleted_at is null
		join entities t on t.id = r.target_id and t.deleted_at is null
		where r.deleted_at is null`);
	return { 'sans-source': row?.sansSource ?? 0, 'non-confirmees': row?.nonConfirmees ?? 0, contestees: row?.contestees ?? 0 };
}

export const relationIsLive = (db: Db, id: number) =>
	!!db
		.select({ id: relations.id })
		.from(relations)
		.where(and(eq(relations.id, id), isNull(relations.deletedAt)))
		.get();
