import { categoryLabel, kindLabel } from '$lib/domain/vocabulary';
import type { Db } from '../db';
import {
	indexStems,
	indexVocabulary,
	matchTiers,
	placeNames,
	searchRevision,
	searchRows,
	synonymRows,
	type MatchedRow,
	type SearchRow
} from '../repos/search.repo';
import { toFtsQuery } from '../search/fts-query';
import { queryUnits, tierExpressions, type UnitAlternatives } from '../search/query-plan';
import { SynonymIndex, parseGroupTerms } from '../search/synonyms';
import { TypoVocabulary } from '../search/typos';
import { stemsOfWord } from '../search/stems';
import { DisplayWords } from '../search/display-words';

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

export interface SearchOptions {
	limit?: number;
	offset?: number;
	/** The last word as a prefix (search as you type); on by default. */
	prefix?: boolean;
	strategy?: SearchStrategy;
	/** Facet filters of the results page. */
	kind?: string;
	category?: string;
	departement?: string;
}

/** What the engine made of the query: the tiers' expressions, and a corrected query when a word looked mistyped. */
export interface SearchPlan {
	tiers: string[];
	/** The widest expression: what the snippets highlight. */
	highlight: string | null;
	/** The query with each mistyped word replaced by its likeliest spelling, when one was found. */
	corrected: string | null;
}

interface Engine {
	revision: number;
	vocabulary: TypoVocabulary;
	stems: Set<string>;
	display: DisplayWords;
	synonymsKey: string;
	synonyms: SynonymIndex;
}

/** Per database: the typo vocabulary (rebuilt when the index changed) and the synonyms (when the table changed). */
const engines = new WeakMap<Db, Engine>();

function engineFor(db: Db): Engine {
	const revision = searchRevision(db);
	const rows = synonymRows(db);
	const synonymsKey = JSON.stringify(rows);
	let engine = engines.get(db);
	if (!engine || engine.revision !== revision) {
		engine = {
			revision,
			vocabulary: new TypoVocabulary(indexVocabulary(db)),
			stems: indexStems(db),
			display: new DisplayWords([...placeNames(db), ...rows.map((r) => r.terms)]),
			synonymsKey: '',
			synonyms: new SynonymIndex([])
		};
		engines.set(db, engine);
	}
	if (engine.synonymsKey !== synonymsKey) {
		engine.synonyms = new SynonymIndex(rows.map((r) => ({ terms: parseGroupTerms(r.terms), related: r.related })));
		engine.synonymsKey = synonymsKey;
	}
	return engine;
}

export function planSearch(db: Db, q: string, options: Pick<SearchOptions, 'prefix' | 'strategy'> = {}): SearchPlan {
	const prefix = options.prefix ?? true;
	const exact = toFtsQuery(q, { prefixLast: prefix });
	if (!exact) return { tiers: [], highlight: null, corrected: null };
	if (options.strategy === 'exact') return { tiers: [exact], highlight: exact, corrected: null };
	const { vocabulary, stems, synonyms, display } = engineFor(db);
	const units = queryUnits(q, synonyms).map((u) => ({ ...u, last: u.last && prefix }));
	let mistyped = false;
	const alternatives: UnitAlternatives[] = units.map((unit) => {
		const { same, related } = synonyms.of(unit.key);
		// A word being typed, or found by its stems (a plural, an inflection), is not a typo.
		const known = (unit.last && vocabulary.hasPrefix(unit.key)) || stemsOfWord(unit.key).some((s) => stems.has(s));
		const corrections = unit.key.includes(' ') || known ? [] : vocabulary.corrections(unit.key);
		if (corrections.length) mistyped = true;
		return { unit, same, wider: [...related, ...corrections.map((c) => c.term)], best: corrections[0]?.term };
	});
	const tiers = tierExpressions(q, alternatives, prefix);
	const corrected = mistyped ? alternatives.map((a) => display.show(a.best ?? a.unit.key)).join(' ') : null;
	return { tiers, highlight: tiers.at(-1) ?? null, corrected };
}

export interface SearchFacet {
	code: string;
	label: string;
	count: number;
}

export interface SearchResult {
	hits: SearchHit[];
	total: number;
	/** How many were found of each kind, category and département, before the facet filters. */
	facets: { kind: SearchFacet[]; category: SearchFacet[]; departement: SearchFacet[] };
	/** « Vouliez-vous dire : … » : offered when the corrected query finds more as typed than this one did. */
	suggestion: string | null;
}

const countBy = (rows: MatchedRow[], key: (r: MatchedRow) => string | null, label: (code: string) => string): SearchFacet[] => {
	const counts = new Map<string, number>();
	for (const r of rows) {
		const code = key(r);
		if (code) counts.set(code, (counts.get(code) ?? 0) + 1);
	}
	return [...counts].map(([code, count]) => ({ code, label: label(code), count })).sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'fr'));
};

const DEPARTEMENTS: Record<string, string> = { '03': 'Allier', '15': 'Cantal', '43': 'Haute-Loire', '63': 'Puy-de-Dôme' };

export function search(db: Db, q: string, options: SearchOptions = {}): SearchResult {
	const plan = planSearch(db, q, options);
	const empty: SearchResult = { hits: [], total: 0, facets: { kind: [], category: [], departement: [] }, suggestion: null };
	if (!plan.highlight) return empty;
	const matched = matchTiers(db, plan.tiers);
	const shown = matched.filter(
		(r) =>
			(!options.kind || r.kind === options.kind) &&
			(!options.category || r.category === options.category) &&
			(!options.departement || r.departementCode === options.departement)
	);
	const offset = options.offset ?? 0;
	const page = shown.slice(offset, offset + (options.limit ?? 20));
	const rows = searchRows(
		db,
		page.map((r) => r.id),
		plan.highlight
	);
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
	return {
		hits,
		total: shown.length,
		facets: {
			kind: countBy(matched, (r) => r.kind, kindLabel),
			category: countBy(matched, (r) => r.category, categoryLabel),
			departement: countBy(
				matched,
				(r) => r.departementCode,
				(code) => DEPARTEMENTS[code] ?? code
			)
		},
		suggestion: plan.corrected && findsMore(db, plan.corrected, matched) ? plan.corrected : null
	};
}

/** Whether the corrected query, taken as typed, finds more than the typed one did as typed. */
function findsMore(db: Db, corrected: string, matched: MatchedRow[]): boolean {
	const exact = toFtsQuery(corrected);
	if (!exact) return false;
	const asTyped = matched.filter((r) => r.tier === 0).length;
	return matchTiers(db, [exact]).length > asTyped;
}

/** Search-as-you-type suggestions: few, fast, forgiving too. */
export function suggest(db: Db, q: string, limit = 8) {
	const plan = planSearch(db, q);
	if (!plan.highlight) return [];
	const ids = matchTiers(db, plan.tiers)
		.slice(0, limit)
		.map((r) => r.id);
	return searchRows(db, ids, plan.highlight).map((r) => ({
		slug: r.slug,
		name: r.name,
		kindLabel: kindLabel(r.kind),
		categoryLabel: categoryLabel(r.category),
		communeName: r.communeName
	}));
}
