import { inArray } from 'drizzle-orm';
import type { Db } from '../db';
import { entities, relations, territories, type NewEntity, type NewRelation } from '../db/schema';

export function insertEntity(db: Db, row: NewEntity): number {
	return db.insert(entities).values(row).returning({ id: entities.id }).get().id;
}

export function insertRelation(db: Db, row: NewRelation): number {
	return db.insert(relations).values(row).returning({ id: relations.id }).get().id;
}

export function existingEntityIds(db: Db, ids: number[]): Set<number> {
	if (ids.length === 0) return new Set();
	const found = new Set<number>();
	// SQLite caps bound parameters; chunk large lookups.
	for (let i = 0; i < ids.length; i += 500) {
		const rows = db.select({ id: entities.id }).from(entities).where(inArray(entities.id, ids.slice(i, i + 500))).all();
		for (const r of rows) found.add(r.id);
	}
	return found;
}

export function territoryNameIndex(db: Db): Map<string, { name: string; parentCode: string | null; kind: string }> {
	const rows = db
		.select({ code: territories.code, name: territories.name, parentCode: territories.parentCode, kind: territories.kind })
		.from(territories)
		.all();
	return new Map(rows.map((r) => [r.code, r]));
}
