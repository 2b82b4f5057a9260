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
}

/** One entity found, with what the facets count and where it stands. */
export interface MatchedRow {
	id: number;
	kind: string;
	category: string;
	departementCode: string | null;
	lon: number | null;
	lat: number | null;
	/** The most exact tier that found it (0: as typed). */
	tier: number;
}

/**
 * Every public entity found by any of the tiers' expressions, best first: the most exact tier that found it,
 * then FTS5's bm25 rank within that tier (weights in the index's config, migration 0013), then the name.
 * The index holds only public entities, so no other filter is needed.
 */
export function matchTiers(db: Db, tiers: string[]): MatchedRow[] {
	if (tiers.length === 0) return [];
	const union = sql.join(
		tiers.map((match, tier) => sql`select rowid as id, rank, ${tier} as tier from entities_fts where entities_fts match ${match}`),
		sql` union all `
	);
	return db.all<MatchedRow>(sql`
		with matched as (${union}),
		best as (select id, min(tier) as tier, min(tier * 1000000.0 + rank) as score from matched group by id)
		select e.id, e.kind, e.category, t.departement_code as departementCode, e.lon, e.lat,
			best.tier
		from best join entities e on e.id = best.id
		left join territories t on t.code = e.commune_code
		order by best.score, e.name`);
}

/** The rows of one page of results, in the given order, with snippets of what `highlight` matches. */
export function searchRows(db: Db, ids: number[], highlight: string): SearchRow[] {
	if (ids.length === 0) return [];
	const list = sql.join(
		ids.map((id) => sql`${id}`),
		sql`, `
	);
	const rows = db.all<SearchRow & { found: number | null }>(sql`
		with snippets as (
			select rowid as id,
				snippet(entities_fts, 1, char(2), char(3), '…', 16) as summarySnippet,
				snippet(entities_fts, 2, char(2), char(3), '…', 16) as descriptionSnippet,
				snippet(entities_fts, 3, char(2), char(3), '…', 10) as termsSnippet
			from entities_fts where entities_fts match ${highlight} and rowid in (${list})
		)
		select e.id, e.slug, e.kind, e.category, e.name, e.summary,
			(select name from territories t where t.code = e.commune_code) as communeName,
			coalesce(s.summarySnippet, e.summary) as summarySnippet, coalesce(s.descriptionSnippet, '') as descriptionSnippet,
			coalesce(s.termsSnippet, '') as termsSnippet
		from entities e left join snippets s on s.id = e.id
		where e.id in (${list})`);
	const byId = new Map(rows.map((r) => [r.id, r]));
	return ids.flatMap((id) => byId.get(id) ?? []);
}

/** The index's words (outside the stems column) and in how many rows each appears: the typo step's vocabulary. */
export function indexVocabulary(db: Db): { term: string; docs: number }[] {
	return db.all(sql`select term, sum(doc) as docs from entities_fts_words where col <> 'search_stems' group by term`);
}

/** The stems the index holds: a word found by its stems is a plural or an inflection, not a typo. */
export function indexStems(db: Db): Set<string> {
	return new Set(db.all<{ term: string }>(sql`select term from entities_fts_words where col = 'search_stems'`).map((r) => r.term));
}

/** Bumped by the index's triggers on every change (migration 0013). */
export function searchRevision(db: Db): number {
	return db.get<{ value: number }>(sql`select value from meta where key = 'search_revision'`)?.value ?? 0;
}

export function synonymRows(db: Db): { id: number; terms: string; related: boolean }[] {
	return db
		.all<{ id: number; terms: string; related: number }>(sql`select id, terms, related from search_synonyms order by related, id`)
		.map((r) => ({ ...r, related: r.related === 1 }));
}

/** The territories' names (communes, EPCI, départements), for showing a corrected word with its accents. */
export function placeNames(db: Db): string[] {
	return db.all<{ name: string }>(sql`select name from territories`).map((r) => r.name);
}
