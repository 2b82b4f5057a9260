/**
 * From what a visitor typed to the full-text expressions of each tier, most exact first:
 *  0. the words as typed, the last one as a prefix (the search as it always was: exact hits rank first);
 *  1. each word also by its other forms (stems: plurals, inflections);
 *  2. each word also by its synonyms;
 *  3. a word the index does not hold also by its likely spellings;
 *  4. each word also by its related words.
 * Every word (or synonym phrase: « tiers lieu », « business angels ») must be found, in one form or another.
 * Small words (« au », « de », « the ») are dropped unless nothing else was typed.
 */
import { foldAccents } from '$lib/domain/fold';
import { toFtsQuery } from './fts-query';
import { stemsOfWord, wordsOf } from './stems';
import type { SynonymIndex } from './synonyms';

export const STOPWORDS = new Set(
	'a au aux avec ce ces d dans de des du en et l la le les leur mon ou par pour qu que qui sa se ses son sur un une vers the of and for in an to at on with'.split(
		' '
	)
);

export interface QueryUnit {
	/** Folded words separated by one space: a word, or a phrase of the synonyms table. */
	key: string;
	/** The same as typed, in lower case with its accents: the French stemmer reads them (« accompagnées »). */
	raw: string;
	/** The last unit typed: still being typed, so it matches as a prefix too. */
	last: boolean;
}

export function queryUnits(q: string, synonyms: SynonymIndex): QueryUnit[] {
	const raws = wordsOf(q.normalize('NFC')).slice(0, 12);
	const words = raws.map((w) => foldAccents(w));
	const units: QueryUnit[] = [];
	for (let i = 0; i < words.length;) {
		let taken = 1;
		for (let n = Math.min(synonyms.longest, words.length - i); n > 1; n--) {
			if (synonyms.isPhrase(words.slice(i, i + n).join(' '))) {
				taken = n;
				break;
			}
		}
		units.push({ key: words.slice(i, i + taken).join(' '), raw: raws.slice(i, i + taken).join(' '), last: i + taken === words.length });
		i += taken;
	}
	const meaningful = units.filter((u) => u.key.includes(' ') || !STOPWORDS.has(u.key));
	return meaningful.length ? meaningful : units;
}

const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;

/** A word or phrase found as written, or a word by one of its stems (`raw`: the word with its accents). */
function forms(key: string, prefix = false, raw = key): string[] {
	const own = prefix ? `${quote(key)}*` : quote(key);
	if (key.includes(' ')) {
		// A phrase typed with a word in another form (« prêt d'honneur » for « Prêts d'honneur »): each word, in
		// any of its forms, anywhere in the row.
		const raws = raw.split(' ');
		const each = key.split(' ').map((w, i) => `(${forms(w, false, raws[i] ?? w).join(' OR ')})`);
		return [own, `(${each.join(' AND ')})`];
	}
	const stems = stemsOfWord(raw);
	return stems.length ? [own, `search_stems : (${stems.map(quote).join(' OR ')})`] : [own];
}

export interface UnitAlternatives {
	unit: QueryUnit;
	/** Synonyms (same meaning), as phrase keys. */
	same: string[];
	/** Likely spellings of a word the index does not hold. */
	spellings?: string[];
	/** Related words (and likely spellings), as phrase keys. */
	wider: string[];
	/** The likeliest spelling of a mistyped word. */
	best?: string;
}

/**
 * The words as typed, in the row's own texts only: the stems column holds word forms, and matching a typed
 * prefix there (« lieu* » in « lieux ») would rank by forms what tier 0 ranks by words.
 */
export function asTyped(q: string, prefix = true): string | null {
	const words = toFtsQuery(q, { prefixLast: prefix });
	return words ? `{name summary description_text search_terms} : (${words})` : null;
}

const anyOf = (parts: string[]) => `(${[...new Set(parts)].join(' OR ')})`;

/** The tiers' expressions, without repeats (a tier identical to the one before it adds nothing). */
export function tierExpressions(q: string, units: UnitAlternatives[], prefix = true): string[] {
	const exact = asTyped(q, prefix);
	if (!exact || units.length === 0) return [];
	const tier = (alternatives: (u: UnitAlternatives) => string[]) =>
		units.map((u) => anyOf([...forms(u.unit.key, u.unit.last, u.unit.raw), ...alternatives(u).map(quote)])).join(' AND ');
	const tiers = [exact, tier(() => []), tier((u) => u.same), tier((u) => [...u.same, ...(u.spellings ?? [])]), tier((u) => [...u.same, ...u.wider])];
	return tiers.filter((t, i) => tiers.indexOf(t) === i);
}
