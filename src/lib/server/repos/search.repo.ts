import { sql } from 'drizzle-orm';
import type { Db } from '../db';

export interface SearchRow {
	id: number;
	slug: string;
	kind: string;
	category: string;
	name: string;
	summary: string;
	communeName: string | null;
	/** Snippet with hits wrapped in \u0002 … \u0003 (turned into segments by the service, never raw HTML). */
	snippet: string;
	rank: number;
}

/**
 * Ranked full-text search. bm25 weights: a hit in the name counts most, then place/category words,
 * then summary, then description.
 */
export function searchEntities(db: Db, match: string, limit: number, offset = 0): SearchRow[] {
	return db.all<SearchRow>(sql`
		select e.id, e.slug, e.kind, e.category, e.name, e.summary,
			(select name from territories t where t.code = e.commune_code) as communeName,
			snippet(entities_fts, -1, char(2), char(3), '…', 14) as snippet,
			bm25(entities_fts, 10.0, 3.0, 1.0, 4.0) as rank
		from entities_fts
		join entities e on e.id = entities_fts.rowid
		where entities_fts match ${match} and e.deleted_at is null and e.status = 'published'
		order by rank, e.name
		limit ${limit} offset ${offset}`);
}

export function countSearch(db: Db, match: string): number {
	const row = db.get<{ n: number }>(sql`
		select count(*) as n from entities_fts join entities e on e.id = entities_fts.rowid
		where entities_fts match ${match} and e.deleted_at is null and e.status = 'published'`);
	return row?.n ?? 0;
}
