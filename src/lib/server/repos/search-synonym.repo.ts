import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { searchSynonyms } from '../db/schema';

/*
 * The editors' side of the synonyms table. The search reads the same rows through search.repo.ts
 * (synonymRows), keyed on their content and updated_at: every write here sets updated_at, so the next
 * search rebuilds its index.
 */

export type SynonymGroupRow = typeof searchSynonyms.$inferSelect;

/** The same clock as the column's default, to the millisecond. */
const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

/** Ordinary groups first, then the related ones, each in the order they were written. */
export function allSynonymGroups(db: Db): SynonymGroupRow[] {
	return db.select().from(searchSynonyms).orderBy(asc(searchSynonyms.related), asc(searchSynonyms.id)).all();
}

export function synonymGroupById(db: Db, id: number): SynonymGroupRow | undefined {
	return db.select().from(searchSynonyms).where(eq(searchSynonyms.id, id)).get();
}

export function insertSynonymGroup(db: Db, group: { terms: string; related: boolean }): number {
	return db.insert(searchSynonyms).values(group).returning({ id: searchSynonyms.id }).get().id;
}

export function setSynonymGroup(db: Db, id: number, group: { terms: string; related: boolean }): void {
	db.update(searchSynonyms)
		.set({ ...group, updatedAt: now })
		.where(eq(searchSynonyms.id, id))
		.run();
}

export function removeSynonymGroup(db: Db, id: number): void {
	db.delete(searchSynonyms).where(eq(searchSynonyms.id, id)).run();
}
