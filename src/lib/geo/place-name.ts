import { foldAccents } from '$lib/domain/fold';

/**
 * Normalises a French place name so that spellings from different sources compare equal:
 * "Saint-Flour", "St Flour" and "SAINT FLOUR" all become "st flour"; accents, case, hyphens,
 * apostrophes and ligatures are ignored.
 */
export function normalizePlaceName(name: string): string {
	const words = foldAccents(name)
		.replace(/[^a-z0-9]+/g, ' ')
		.trim()
		.split(' ')
		.filter((w) => w.length > 0);
	return words.map((w) => ABBREVIATIONS[w] ?? w).join(' ');
}

const ABBREVIATIONS: Record<string, string> = {
	saint: 'st',
	sainte: 'ste'
};

/** True when two names designate the same place once normalised. */
export function samePlaceName(a: string, b: string): boolean {
	return normalizePlaceName(a) === normalizePlaceName(b);
}

/** « Puy-en-Velay (Le) », as sorted lists write it. */
const TRAILING_ARTICLE = /^(.+?)\s*\((le|la|les|l['’])\)\s*$/i;
const LEADING_ARTICLE = /^(le|la|les|l) /;

/**
 * The name without its article, normalised: « Le Mont-Dore », « Mont-Dore » and « Mont-Dore (Le) » all
 * become « mont dore ». People add or drop the article (INSEE writes « Mont-Dore », the town « Le Mont-Dore »).
 */
export function placeNameCore(name: string): string {
	const article = TRAILING_ARTICLE.exec(name.trim());
	const normalised = normalizePlaceName(article ? `${article[2]} ${article[1]}` : name);
	return normalised.replace(LEADING_ARTICLE, '');
}
