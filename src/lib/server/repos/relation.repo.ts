import { aliasedTable, and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { preparedFor } from '../db/prepared';
import { entities, relations } from '../db/schema';
import { relationColumns } from './relation-columns';

export interface RelationWithEnds {
	id: number;
	type: string;
	sourceId: number;
	targetId: number;
	startDate: string | null;
	endDate: string | null;
	description: string;
	source: string | null;
	confirmation: string;
	otherId: number;
	otherSlug: string;
	otherName: string;
	otherKind: string;
	otherCategory: string;
	/** 'out' when the entity is the relation's source. */
	direction: 'out' | 'in';
}

const other = aliasedTable(entities, 'other');

/** Live relations touching an entity, with the other side (only when that side is published). Every actor page reads them. */
export function relationsOf(db: Db, entityId: number): RelationWithEnds[] {
	return preparedFor(db, 'relationsOf', (d) => {
		const id = sql.placeholder('id');
		const otherJoin = sql`${other.id} = case when ${relations.sourceId} = ${id} then ${relations.targetId} else ${relations.sourceId} end`;
		return d
			.select({
				...relationColumns,
				description: relations.description,
				otherId: other.id,
				otherSlug: other.slug,
				otherName: other.name,
				otherKind: other.kind,
				otherCategory: other.category,
				direction: sql<'out' | 'in'>`case when ${relations.sourceId} = ${id} then 'out' else 'in' end`
			})
			.from(relations)
			.innerJoin(other, otherJoin)
			.where(
				and(or(eq(relations.sourceId, id), eq(relations.targetId, id)), isNull(relations.deletedAt), isNull(other.deletedAt), eq(other.status, 'published'))
			)
			.orderBy(relations.type, sql`coalesce(${relations.startDate}, '9999')`, other.name)
			.prepare();
	}).all({ id: entityId });
}

/** Live relations whose two ends are both in `ids` (the graph of a filtered set). */
export function relationsAmong(db: Db, ids: number[]) {
	if (ids.length === 0) return [];
	const idSet = JSON.stringify(ids);
	return db
		.select({
			...relationColumns
		})
		.from(relations)
		.where(
			and(
				isNull(relations.deletedAt),
				sql`${relations.sourceId} in (select value from json_each(${idSet}))`,
				sql`${relations.targetId} in (select value from json_each(${idSet}))`
			)
		)
		.all();
}

export function countRelations(db: Db, ids?: number[]): number {
	const where = ids ? and(isNull(relations.deletedAt), inArray(relations.sourceId, ids)) : isNull(relations.deletedAt);
	return (
		db
			.select({ n: sql<number>`count(*)` })
			.from(relations)
			.where(where)
			.get()?.n ?? 0
	);
}
