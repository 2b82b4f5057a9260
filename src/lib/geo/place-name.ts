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
