/**
 * What the search engine makes of a query (see search/query-plan.ts): the tiers' full-text expressions, a
 * corrected query when a word looks mistyped, and what the excerpts mark. Per database, it keeps the typo
 * vocabulary (rebuilt when the index changes), the synonyms (when the editors' table changes) and the
 * spellings to show.
 */
import type { Db } from '../db';
import { searchRevision, searchWords, synonymRows } from '../repos/search.repo';
import { liveGraph } from '../graph/graph-cache';
import { backgroundRebuildFor } from '../worker/background';
import { readTask } from '../worker/read-worker';
import { STOPWORDS, asTyped, queryUnits, tierExpressions, type UnitAlternatives } from '../search/query-plan';
import { SynonymIndex, parseGroupTerms } from '../search/synonyms';
import { TypoVocabulary } from '../search/typos';
import { stemsOfWord } from '../search/stems';
import { DisplayWords } from '../search/display-words';
import type { Marks } from '../search/highlight';

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
	/** What each typed word may be found by: the excerpts' marks when a wider tier found the rows. */
	alternatives: UnitAlternatives[];
}

interface Engine {
	revision: number;
	builtAt: number;
	vocabulary: TypoVocabulary;
	stems: Set<string>;
	display: DisplayWords;
	synonymsKey: string;
	synonyms: SynonymIndex;
}

/**
 * Per database: the typo vocabulary (rebuilt when the index changed, at most every 30 s) and the synonyms (when
 * the table changed). During an import or a busy hour of editing, searches keep the vocabulary of up to half a
 * minute ago (a word just written may be taken for a typo or not offered as a correction yet; matching by
 * stems and synonyms is not affected). Reading it took 120 ms at 10,000 actors and 0.6 s at 100,000, on the
 * event loop: at scale (graph-background's threshold) the words are read in the read worker while the
 * previous vocabulary keeps serving, and only the first one is read here.
 */
const engines = new WeakMap<Db, Engine>();
const refreshing = new WeakSet<Db>();
const VOCABULARY_STALE_MS = 30_000;

type Words = ReturnType<typeof searchWords>;

function engineOf(words: Words, synonymTerms: string[]): Engine {
	return {
		revision: words.revision,
		builtAt: Date.now(),
		vocabulary: new TypoVocabulary(words.vocabulary),
		stems: new Set(words.stems),
		display: new DisplayWords([...words.places, ...synonymTerms]),
		synonymsKey: '',
		synonyms: new SynonymIndex([])
	};
}

/** The next vocabulary read in the worker; the one in use is replaced when it arrives (with its synonyms kept). */
function refreshInWorker(db: Db, rows: { terms: string }[]) {
	if (refreshing.has(db)) return;
	refreshing.add(db);
	readTask(db, 'searchWords')
		.then((words) => {
			const previous = engines.get(db);
			if (previous && previous.revision >= words.revision) {
				// Nothing newer (a rebuild meanwhile): asked again after the delay, not on the next search.
				previous.builtAt = Date.now();
				return;
			}
			const engine = engineOf(
				words,
				rows.map((r) => r.terms)
			);
			if (previous) Object.assign(engine, { synonyms: previous.synonyms, synonymsKey: previous.synonymsKey });
			engines.set(db, engine);
		})
		// A failed read leaves the vocabulary in use; the next search after the delay tries again.
		.catch(() => undefined)
		.finally(() => refreshing.delete(db));
}

function engineFor(db: Db): Engine {
	const revision = searchRevision(db);
	const rows = synonymRows(db);
	const synonymsKey = JSON.stringify(rows);
	let engine = engines.get(db);
	const due = !engine || (engine.revision !== revision && Date.now() - engine.builtAt >= VOCABULARY_STALE_MS);
	if (engine && due && backgroundRebuildFor(db, liveGraph(db).index.nodes.length)) refreshInWorker(db, rows);
	else if (due) {
		engine = engineOf(
			searchWords(db),
			rows.map((r) => r.terms)
		);
		engines.set(db, engine);
	}
	engine = engines.get(db)!;
	if (engine.synonymsKey !== synonymsKey) {
		engine.synonyms = new SynonymIndex(rows.map((r) => ({ terms: parseGroupTerms(r.terms), related: r.related })));
		engine.synonymsKey = synonymsKey;
	}
	return engine;
}

export function planSearch(db: Db, q: string, options: Pick<SearchOptions, 'prefix' | 'strategy'> = {}): SearchPlan {
	const prefix = options.prefix ?? true;
	const exact = asTyped(q, prefix);
	if (!exact) return { tiers: [], highlight: null, corrected: null, alternatives: [] };
	if (options.strategy === 'exact') return { tiers: [exact], highlight: exact, corrected: null, alternatives: [] };
	const { vocabulary, stems, synonyms, display } = engineFor(db);
	const units = queryUnits(q, synonyms).map((u) => ({ ...u, last: u.last && prefix }));
	let mistyped = false;
	const alternatives: UnitAlternatives[] = units.map((unit) => {
		const { same, related } = synonyms.of(unit.key, unit.raw);
		// A word being typed, or found by its stems (a plural, an inflection), is not a typo.
		const known = (unit.last && vocabulary.hasPrefix(unit.key)) || stemsOfWord(unit.raw).some((s) => stems.has(s));
		const corrections = unit.key.includes(' ') || known ? [] : vocabulary.corrections(unit.key);
		if (corrections.length) mistyped = true;
		const spellings = corrections.map((c) => c.term);
		return { unit, same, spellings, wider: [...spellings, ...related], best: spellings[0] };
	});
	const tiers = tierExpressions(q, alternatives, prefix);
	const corrected = mistyped ? alternatives.map((a) => display.show(a.best ?? a.unit.key)).join(' ') : null;
	return { tiers, highlight: tiers.at(-1) ?? null, corrected, alternatives };
}

/** Every word the tiers may have found, the one being typed as a prefix, and their stems. */
export function marksOf(alternatives: UnitAlternatives[]): Marks {
	const words = new Set<string>();
	for (const a of alternatives)
		for (const key of [a.unit.key, ...a.same, ...a.wider]) for (const w of key.split(' ')) if (w.length > 1 && !STOPWORDS.has(w)) words.add(w);
	const prefixes = alternatives.filter((a) => a.unit.last && !a.unit.key.includes(' ')).map((a) => a.unit.key);
	const raws = alternatives.flatMap((a) => a.unit.raw.split(' '));
	return { words: [...words], prefixes, stems: [...new Set([...words, ...raws].flatMap((w) => stemsOfWord(w)))] };
}
