import { categoryLabel, kindLabel } from '$lib/domain/vocabulary';
import type { Db } from '../db';
import { countSearch, searchEntities, type SearchRow } from '../repos/search.repo';
import { toFtsQuery } from '../search/fts-query';

export interface SnippetSegment {
	text: string;
	hit: boolean;
}

export interface SearchHit {
	id: number;
	slug: string;
	name: string;
	kind: string;
	kindLabel: string;
	category: string;
	categoryLabel: string;
	communeName: string | null;
	snippet: SnippetSegment[];
}

/** Splits FTS5's marked snippet into plain segments so pages render highlights without raw HTML. */
export function snippetSegments(marked: string): SnippetSegment[] {
	const segments: SnippetSegment[] = [];
	let hit = false;
	let text = '';
	for (const ch of marked) {
		if (ch === '\u0002' || ch === '\u0003') {
			if (text) segments.push({ text, hit });
			text = '';
			hit = ch === '\u0002';
		} else text += ch;
	}
	if (text) segments.push({ text, hit });
	return segments;
}

/** The most readable excerpt that shows a hit: summary, then description, then labels and places. */
export function bestSnippet(row: Pick<SearchRow, 'summarySnippet' | 'descriptionSnippet' | 'termsSnippet'>): SnippetSegment[] {
	const withHit = [row.summarySnippet, row.descriptionSnippet, row.termsSnippet].find((s) => s.includes('\u0002'));
	return snippetSegments(withHit ?? row.summarySnippet);
}

/**
 * `exact`: every typed word as written (the last one as a prefix), as search worked until December 2026 (kept
 * for the relevance evaluation's « before »). `forgiving`: plurals, typos and synonyms too, exact hits first.
 */
export type SearchStrategy = 'exact' | 'forgiving';

export function search(db: Db, q: string, options: { limit?: number; offset?: number; prefix?: boolean; strategy?: SearchStrategy } = {}) {
	const match = toFtsQuery(q, { prefixLast: options.prefix ?? true });
	if (!match) return { hits: [] as SearchHit[], total: 0 };
	const rows = searchEntities(db, match, options.limit ?? 20, options.offset ?? 0);
	const hits: SearchHit[] = rows.map((r) => ({
		id: r.id,
		slug: r.slug,
		name: r.name,
		kind: r.kind,
		kindLabel: kindLabel(r.kind),
		category: r.category,
		categoryLabel: categoryLabel(r.category),
		communeName: r.communeName,
		snippet: bestSnippet(r)
	}));
	return { hits, total: countSearch(db, match) };
}

/** Search-as-you-type suggestions: few, fast, no count. */
export function suggest(db: Db, q: string, limit = 8) {
	const match = toFtsQuery(q);
	if (!match) return [];
	return searchEntities(db, match, limit).map((r) => ({
		slug: r.slug,
		name: r.name,
		kindLabel: kindLabel(r.kind),
		categoryLabel: categoryLabel(r.category),
		communeName: r.communeName
	}));
}
