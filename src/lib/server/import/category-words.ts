import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { categoryKind } from '$lib/domain/vocabulary';
import { normalizePlaceName } from '$lib/geo/place-name';
import { resolveCategory } from '$lib/import/fields';

/*
 * The editable table of category words (data/import-category-words.json): what open-data files call a
 * place (« Fablab », « TIERS_LIEUX », « Médiathèque ») → one of our categories, or null for a kind of place
 * the directory does not list, which an import may skip (« ignorer ces catégories »).
 */

export const CATEGORY_WORDS_FILE = 'data/import-category-words.json';

const knownCategory = z.string().refine((c) => categoryKind(c) !== undefined, { error: (i) => `catégorie inconnue « ${String(i.input)} »` });
export const categoryWordsSchema = z.object({ $comment: z.string().optional(), words: z.record(z.string().trim().min(1), knownCategory.nullable()) });

/** « TIERS_LIEUX », « Tiers-lieux » and « tiers lieux » are one word. */
export const wordKey = (s: string) => normalizePlaceName(s.replace(/_/g, ' '));

export type WordTable = Map<string, string | null>;

export function readCategoryWords(file = CATEGORY_WORDS_FILE): WordTable {
	return new Map(readCategoryWordEntries(file).map(([word, code]) => [wordKey(word), code]));
}

/** The table as written, for its documentation. */
export function readCategoryWordEntries(file = CATEGORY_WORDS_FILE): Array<[string, string | null]> {
	let raw: unknown;
	try {
		raw = JSON.parse(readFileSync(file, 'utf8'));
	} catch (e) {
		throw new Error(`Table des catégories illisible (${file}) : ${(e as Error).message}`, { cause: e });
	}
	const parsed = categoryWordsSchema.safeParse(raw);
	if (!parsed.success)
		throw new Error(`Table des catégories invalide (${file}) : ${parsed.error.issues.map((i) => `${i.path.join('.')} : ${i.message}`).join(' ; ')}`);
	return Object.entries(parsed.data.words);
}

/** What a category cell says: one of our categories, a kind of place we do not list (the word), or nothing known. */
export type CategoryVerdict = { code: string } | { notListed: string } | null;

/**
 * Reads a category cell with, in order: the editor's choices for this file, the preset's words, the table,
 * then the vocabulary. A cell listing several words (« TIERS_LIEUX;FRANCE_SERVICES ») takes the first one
 * we list; it is « not listed » only when every word it names is a kind of place we do not list.
 */
export function categoryReader(layers: Array<Map<string, string | null>>): (cell: string) => CategoryVerdict {
	const one = (word: string): CategoryVerdict | undefined => {
		const key = wordKey(word);
		for (const layer of layers) {
			if (!layer.has(key)) continue;
			const code = layer.get(key);
			return code ? { code } : { notListed: word.trim() };
		}
		const code = resolveCategory(word);
		return code ? { code } : undefined;
	};
	return (cell) => {
		const whole = one(cell);
		if (whole !== undefined) return whole;
		const parts = cell
			.split(/[;,|/\n]+/)
			.map((p) => p.trim())
			.filter(Boolean);
		if (parts.length < 2) return null;
		const verdicts = parts.map(one);
		const listed = verdicts.find((v) => v && 'code' in v);
		if (listed) return listed;
		return verdicts.every((v) => v && 'notListed' in v) ? { notListed: parts.join(', ') } : null;
	};
}

export const wordMap = (entries: Record<string, string | null>): WordTable => new Map(Object.entries(entries).map(([w, c]) => [wordKey(w), c]));
