/**
 * Word forms for the search: « incubateurs », « incubateur » and « incubation » share the stem « incub »,
 * « accompagnées » and « accompagner » share « accompagn ». The stems come from the Snowball stemmers
 * (snowball-stemmers: the reference algorithms generated to JavaScript, no dependency). French first; the
 * English stem too, so « incubators » meets the English labels and « funders » meets « funder ».
 * SQLite's tokenizers do not stem French, so rows carry their stems in a column of the index (search_stems).
 */
import { newStemmer } from 'snowball-stemmers';
import { foldAccents } from '$lib/domain/fold';

const french = newStemmer('french');
const english = newStemmer('english');

/** Words shorter than this are kept as they are: their stems would match too much (« BA », « 3D »). */
const MIN_STEMMED = 4;

export const wordsOf = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * The stems a word may be found by, folded (no accents) as the index folds them. The French stemmer reads
 * accents (« accompagnées » → « accompagn »), and a visitor often types none (« accompagnees » → « accompagne »):
 * both spellings' stems are kept.
 */
export function stemsOfWord(word: string): string[] {
	const lower = word.toLowerCase();
	if (lower.length < MIN_STEMMED) return [];
	let found = known.get(lower);
	if (!found) {
		const folded = foldAccents(lower);
		found = [...new Set([foldAccents(french.stem(lower)), french.stem(folded), english.stem(folded)])].filter((s) => s.length >= 3);
		if (known.size >= KNOWN_AT_MOST) known.clear();
		known.set(lower, found);
	}
	return found;
}

/** Stems already computed: a search stems the same synonyms again and again (and the seed the same labels). */
const known = new Map<string, string[]>();
const KNOWN_AT_MOST = 50_000;

/** The search_stems column of a row: every stem of its words, once each. */
export function stemsOfText(...texts: string[]): string {
	const out = new Set<string>();
	for (const text of texts) for (const word of wordsOf(text)) for (const s of stemsOfWord(word)) out.add(s);
	return [...out].join(' ');
}
