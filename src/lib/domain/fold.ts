/**
 * How the site compares French texts: lower case, accents dropped, ligatures spelled out (NFD splits « é »
 * but not « œ », « æ » or « ß »). Search, sorting, place names, slugs, the importer's headers and the
 * phrasing module's lexicon all start from it, each adding its own rule for punctuation.
 */
export function foldAccents(raw: string): string {
	return raw.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/œ/g, 'oe').replace(/æ/g, 'ae').replace(/ß/g, 'ss');
}
