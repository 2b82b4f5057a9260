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

/**
 * Each filter written exactly as the partial index that holds its relations (schema.ts,
 * relations_review_*_idx): SQLite uses a partial index only when the query's terms repeat its own, so these
 * three lists and their counts read a few thousand index entries instead of the 500,000 relations (issue 18).
 */
const filterSql = {
	'sans-source': sql`r.deleted_at is null and (r.source is null or trim(r.source) = '')`,
	'non-confirmees': sql`r.deleted_at is null and r.confirmation = 'declared'`,
	contestees: sql`r.deleted_at is null and r.confirmation = 'disputed'`
} as const;

/** A relation's place in the lists' order (the latest entered first): where a page starts or ends (keyset). */
export interface RelationKey {
	createdAt: string;
	id: number;
}

/** Where a page is read: after so many relations (page numbers without a key), after a key (older), or before one (newer). */
export type RelationPagePosition = { offset: number } | { after: RelationKey } | { before: RelationKey };

/** Live relations between live listings matching a filter, the latest entered first. */
export function relationsForReview(db: Db, filter: RelationReviewFilter, limit: number, position: RelationPagePosition = { offset: 0 }) {
	const bound =
		'after' in position
			? sql`and (r.created_at, r.id) < (${position.after.createdAt}, ${position.after.id})`
			: 'before' in position
				? sql`and (r.created_at, r.id) > (${position.before.createdAt}, ${position.before.id})`
				: sql``;
	// A page before a key is read upwards from it, then put back in the list's order.
	const order = 'before' in position ? sql`r.created_at asc, r.id asc` : sql`r.created_at desc, r.id desc`;
	const offset = 'offset' in position ? position.offset : 0;
	const rows = db.all<{
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
		where ${filterSql[filter]} ${bound}
		order by ${order}
		limit ${limit} offset ${offset}`);
	return 'before' in position ? rows.reverse() : rows;
}

/**
 * How many live relations between live listings each filter holds (the tabs' counts): the filter's partial index
 * counted, less the relations one of whose ends is deleted (found from the deleted listings, a few, through
 * entities_deleted_idx: CROSS JOIN keeps SQLite from walking every relation instead), instead of joining every relation to both its ends (3.5 s at 500,000 relations).
 */
export function relationReviewCounts(db: Db): Record<RelationReviewFilter, number> {
	const count = (filter: RelationReviewFilter) =>
		db.get<{ n: number }>(sql`select
			(select count(*) from relations r where ${filterSql[filter]})
			- (select count(*) from relations r where ${filterSql[filter]} and r.id in (
				select d.id from entities e cross join relations d on d.source_id = e.id where e.deleted_at is not null
				union select d.id from entities e cross join relations d on d.target_id = e.id where e.deleted_at is not null)) as n`)?.n ?? 0;
	return { 'sans-source': count('sans-source'), 'non-confirmees': count('non-confirmees'), contestees: count('contestees') };
}

export const relationIsLive = (db: Db, id: number) =>
	!!db
		.select({ id: relations.id })
		.from(relations)
		.where(and(eq(relations.id, id), isNull(relations.deletedAt)))
		.get();
