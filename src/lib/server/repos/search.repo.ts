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
	/**
	 * Snippets of the summary, the description and the label/place words, hits wrapped in \u0002 … \u0003
	 * (turned into segments by the service, never raw HTML).
	 */
	summarySnippet: string;
	descriptionSnippet: string;
	termsSnippet: string;
	rank: number;
}

/**
 * Ranked full-text search. The index holds only public entities and carries its bm25 weights
 * (migration 0001), so FTS5 sorts by rank and computes snippets for the returned page only.
 */
export function searchEntities(db: Db, match: string, limit: number, offset = 0): SearchRow[] {
	return db.all<SearchRow>(sql`
		with hits as (
			select rowid as id, rank,
				snippet(entities_fts, 1, char(2), char(3), '…', 16) as summarySnippet,
				snippet(entities_fts, 2, char(2), char(3), '…', 16) as descriptionSnippet,
				snippet(entities_fts, 3, char(2), char(3), '…', 10) as termsSnippet
			from entities_fts where entities_fts match ${match}
			order by rank limit ${limit} offset ${offset}
		)
		select e.id, e.slug, e.kind, e.category, e.name, e.summary,
			(select name from territories t where t.code = e.commune_code) as communeName,
			hits.summarySnippet, hits.descriptionSnippet, hits.termsSnippet, hits.rank
		from hits join entities e on e.id = hits.id
		order by hits.rank, e.name`);
}

export function countSearch(db: Db, match: string): number {
	return db.get<{ n: number }>(sql`select count(*) as n from entities_fts where entities_fts match ${match}`)?.n ?? 0;
}
