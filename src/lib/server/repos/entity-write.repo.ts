import { and, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { entities, relations, territories, type EntityRow, type NewEntity, type NewRelation, type RelationRow } from '../db/schema';
import { refreshEventDays, withEventDays } from './event-days';
import { withMatchKeys } from './match-keys';
import { preparedFor } from '../db/prepared';

/**
 * Many rows per INSERT: preparing one statement per row was most of the time of a 10,000-row import.
 * Ids are matched back by slug (unique), since SQLite does not promise RETURNING's order.
 */
export function insertEntities(db: Db, rows: NewEntity[], chunk = 200): number[] {
	const idBySlug = new Map<string, number>();
	for (let i = 0; i < rows.length; i += chunk) {
		const inserted = db
			.insert(entities)
			.values(rows.slice(i, i + chunk).map((r) => withEventDays(withMatchKeys(r))))
			.returning({ id: entities.id, slug: entities.slug })
			.all();
		for (const r of inserted) idBySlug.set(r.slug, r.id);
	}
	return rows.map((r) => idBySlug.get(r.slug)!);
}

export function insertRelation(db: Db, row: NewRelation): number {
	return db.insert(relations).values(row).returning({ id: relations.id }).get().id;
}

/** The row whatever its state (deleted, draft): writers need what the public pages hide. */
export function entityRow(db: Db, id: number): EntityRow | undefined {
	return preparedFor(db, 'entityRow', (d) =>
		d
			.select()
			.from(entities)
			.where(eq(entities.id, sql.placeholder('id')))
			.prepare()
	).get({ id });
}

export function entityRowBySlug(db: Db, slug: string): EntityRow | undefined {
	return db.select().from(entities).where(eq(entities.slug, slug)).get();
}

export function relationRow(db: Db, id: number): RelationRow | undefined {
	return db.select().from(relations).where(eq(relations.id, id)).get();
}

/** Live entities among `ids`, whole rows (a writer needs every field for the revision). */
export function liveEntityRows(db: Db, ids: number[]): EntityRow[] {
	const rows: EntityRow[] = [];
	for (let i = 0; i < ids.length; i += 500) {
		rows.push(
			...db
				.select()
				.from(entities)
				.where(and(inArray(entities.id, ids.slice(i, i + 500)), isNull(entities.deletedAt)))
				.all()
		);
	}
	return rows;
}

/** Soft-deletes many rows in one statement per chunk, each to its next version; only rows still live move. */
export function markEntitiesDeleted(db: Db, ids: number[], deletedAt: string): number {
	let changed = 0;
	for (let i = 0; i < ids.length; i += 500) {
		changed += db
			.update(entities)
			.set({ deletedAt, version: sql`${entities.version} + 1`, updatedAt: deletedAt })
			.where(and(inArray(entities.id, ids.slice(i, i + 500)), isNull(entities.deletedAt)))
			.run().changes;
	}
	return changed;
}

/**
 * Writes new values and the next version, but only if the row is still at `fromVersion`: the version
 * check and the write are one statement, so no other writer can slip in between. Returns false if not.
 */
export function updateEntityRow(db: Db, id: number, fromVersion: number, values: Partial<NewEntity>): boolean {
	const written =
		db
			.update(entities)
			.set({ ...withMatchKeys(values), version: fromVersion + 1, updatedAt: nowIso() })
			.where(and(eq(entities.id, id), eq(entities.version, fromVersion)))
			.run().changes === 1;
	if (written) refreshEventDays(db, id, values);
	return written;
}

export function updateRelationRow(db: Db, id: number, fromVersion: number, values: Partial<NewRelation>): boolean {
	return (
		db
			.update(relations)
			.set({ ...values, version: fromVersion + 1, updatedAt: nowIso() })
			.where(and(eq(relations.id, id), eq(relations.version, fromVersion)))
			.run().changes === 1
	);
}

/** Same format as the columns' SQL default, so ordering by text stays chronological. */
export const nowIso = () => new Date().toISOString();

export function slugTaken(db: Db, slug: string, exceptId?: number): boolean {
	const where = exceptId === undefined ? eq(entities.slug, slug) : and(eq(entities.slug, slug), ne(entities.id, exceptId));
	return db.select({ id: entities.id }).from(entities).where(where).limit(1).get() !== undefined;
}

/** Ids among `ids` of entities that exist and are not deleted (a relation may only link those). */
export function existingEntityIds(db: Db, ids: number[]): Set<number> {
	if (ids.length === 0) return new Set();
	const found = new Set<number>();
	// SQLite caps bound parameters; chunk large lookups.
	for (let i = 0; i < ids.length; i += 500) {
		const rows = db
			.select({ id: entities.id })
			.from(entities)
			.where(and(inArray(entities.id, ids.slice(i, i + 500)), isNull(entities.deletedAt)))
			.all();
		for (const r of rows) found.add(r.id);
	}
	return found;
}

/**
 * The same entries as territoryNameIndex, for one commune and its parents only (at most four rows): a
 * single edit needs its own place, and loading every territory for each row made imports of updates slow.
 */
export function territoryChain(db: Db, communeCode: string | null): Map<string, { name: string; parentCode: string | null; kind: string }> {
	if (!communeCode) return new Map();
	// One statement walks commune → EPCI → département → région, rather than one query per level.
	const rows = db.all<{ code: string; name: string; parentCode: string | null; kind: string }>(sql`
		with recursive chain(code, name, parent_code, kind, depth) as (
			select code, name, parent_code, kind, 0 from territories where code = ${communeCode}
			union all
			select t.code, t.name, t.parent_code, t.kind, c.depth + 1 from territories t join chain c on t.code = c.parent_code where c.depth < 3
		)
		select code, name, parent_code as parentCode, kind from chain`);
	return new Map(rows.map(({ code, ...rest }) => [code, rest]));
}

export function territoryNameIndex(db: Db): Map<string, { name: string; parentCode: string | null; kind: string }> {
	const rows = db
		.select({ code: territories.code, name: territories.name, parentCode: territories.parentCode, kind: territories.kind })
		.from(territories)
		.all();
	return new Map(rows.map((r) => [r.code, r]));
}
