/**
 * Finding a listing by a piece of its name, as an editor types it in a picker: case, accents, ligatures
 * and punctuation do not matter (« ecole » finds « École », « nid brivadois » finds « Nid d'entreprises du
 * Brivadois »). Every typed word must start a word of the name; the best answers come first.
 */

import { foldAccents } from '$lib/domain/fold';

/** Lowercase, no accents, ligatures spelled out, punctuation as spaces. */
export function foldName(raw: string): string {
	// Most names are plain ASCII: no Unicode normalisation needed (a tenth of the time over 10,000 names).
	if (/^[\x20-\x7e]*$/.test(raw))
		return raw
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, ' ')
			.trim();
	return foldAccents(raw)
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

export interface NameCandidate {
	id: number;
	name: string;
}

/**
 * How well `name` answers `query` (both folded), higher is better; 0 when it does not match.
 * Exact name > name starting with the query > every word starting a word of the name.
 */
export function nameScore(foldedName: string, foldedQuery: string): number {
	if (!foldedQuery) return 0;
	if (foldedName === foldedQuery) return 4;
	if (foldedName.startsWith(foldedQuery)) return 3;
	const words = foldedName.split(' ');
	const wanted = foldedQuery.split(' ');
	if (!wanted.every((w) => words.some((n) => n.startsWith(w)))) {
		// A typed piece inside a word (« brivad » in « dubrivadois ») still counts, last.
		return wanted.every((w) => foldedName.includes(w)) ? 1 : 0;
	}
	return 2;
}

/** The matching candidates, best first, then alphabetically (French order), at most `limit`. */
export function matchNames<T extends NameCandidate>(candidates: Iterable<T>, query: string, limit: number): { items: T[]; total: number } {
	const q = foldName(query);
	if (!q) return { items: [], total: 0 };
	const scored: { c: T; score: number }[] = [];
	for (const c of candidates) {
		const score = nameScore(foldName(c.name), q);
		if (score > 0) scored.push({ c, score });
	}
	scored.sort((a, b) => b.score - a.score || a.c.name.localeCompare(b.c.name, 'fr') || a.c.id - b.c.id);
	return { items: scored.slice(0, limit).map((s) => s.c), total: scored.length };
}
