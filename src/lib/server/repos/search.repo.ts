import { sql } from 'drizzle-orm';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db';

/**
 * The search's hot statements, prepared once per database: preparing them again on every call cost more
 * than running them (a page of 20 snippets took 3 ms, mostly in preparing).
 */
const prepared = new WeakMap<Db, Map<string, Statement>>();
function statement(db: Db, text: string): Statement {
	let cache = prepared.get(db);
	if (!cache) prepared.set(db, (cache = new Map()));
	let found = cache.get(text);
	if (!found) cache.set(text, (found = db.$client.prepare(text)));
	return found;
}

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

/** The public entities an expression finds, in no order (the index holds only public entities). */
export function matchIds(db: Db, match: string): number[] {
	return statement(db, 'select rowid from entities_fts where entities_fts match ?').pluck().all(match) as number[];
}

/** The same with FTS5's bm25 rank (lower is better), to order several tiers' rows together. */
export function rankedIds(db: Db, match: string): { id: number; rank: number }[] {
	return statement(db, 'select rowid as id, rank from entities_fts where entities_fts match ?').all(match) as { id: number; rank: number }[];
}

/** The `n` best-ranked rows of an expression: FTS5 keeps a top-n instead of sorting every match. */
export function rankedTop(db: Db, match: string, n: number): { id: number; rank: number }[] {
	return statement(db, 'select rowid as id, rank from entities_fts where entities_fts match ? order by rank limit ?').all(match, n) as {
		id: number;
		rank: number;
	}[];
}

/** How many rows an expression finds (« Vouliez-vous dire » compares two queries). */
export function countMatches(db: Db, match: string): number {
	return statement(db, 'select count(*) from entities_fts where entities_fts match ?').pluck().get(match) as number;
}

const SNIPPETS = `snippet(entities_fts, 1, char(2), char(3), '…', 16) as summarySnippet,
	snippet(entities_fts, 2, char(2), char(3), '…', 16) as descriptionSnippet,
	snippet(entities_fts, 3, char(2), char(3), '…', 10) as termsSnippet`;

const ROW = `e.id, e.slug, e.kind, e.category, e.name, e.summary,
	(select name from territories t where t.code = e.commune_code) as communeName`;

/**
 * One page of one expression's results in rank order, snippets included: FTS5 ranks every match but computes
 * snippets for the page only (the common case: the words as typed found enough, no facet chosen).
 */
export function rankedPage(db: Db, match: string, limit: number, offset: number): SearchRow[] {
	return statement(
		db,
		`with hits as (select rowid as id, rank, ${SNIPPETS} from entities_fts where entities_fts match ? order by rank limit ? offset ?)
		select ${ROW}, hits.summarySnippet, hits.descriptionSnippet, hits.termsSnippet from hits join entities e on e.id = hits.id order by hits.rank, e.name`
	).all(match, limit, offset) as SearchRow[];
}

/** A row of a forgiving search's page, with the texts its excerpt is taken from (see search/highlight.ts). */
export interface PlainRow extends Omit<SearchRow, 'summarySnippet' | 'descriptionSnippet' | 'termsSnippet'> {
	descriptionText: string;
	searchTerms: string;
}

/** The rows of one page of results, in the given order. */
export function plainRows(db: Db, ids: number[]): PlainRow[] {
	if (ids.length === 0) return [];
	const rows = statement(
		db,
		`select ${ROW}, e.description_text as descriptionText, e.search_terms as searchTerms from entities e where e.id in (${ids.map(() => '?').join(', ')})`
	).all(...ids) as PlainRow[];
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
	return (statement(db, "select value from meta where key = 'search_revision'").get() as { value: number } | undefined)?.value ?? 0;
}

export function synonymRows(db: Db): { id: number; terms: string; related: boolean; updatedAt: string }[] {
	const rows = statement(db, 'select id, terms, related, updated_at as updatedAt from search_synonyms order by related, id').all() as {
		id: number;
		terms: string;
		related: number;
		updatedAt: string;
	}[];
	return rows.map((r) => ({ ...r, related: r.related === 1 }));
}

/** The territories' names (communes, EPCI, départements), for showing a corrected word with its accents. */
/**
 * What the typo step and the corrections read, in one go, for the read worker (plain arrays cross threads):
 * the index's words and stems, the place names, and the index revision they were read at.
 */
export function searchWords(db: Db): { revision: number; vocabulary: { term: string; docs: number }[]; stems: string[]; places: string[] } {
	return { revision: searchRevision(db), vocabulary: indexVocabulary(db), stems: [...indexStems(db)], places: placeNames(db) };
}

export function placeNames(db: Db): string[] {
	return db.all<{ name: string }>(sql`select name from territories`).map((r) => r.name);
}
