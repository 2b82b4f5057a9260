/**
 * Typo tolerance: a typed word the index does not hold is compared with the index's own words (its vocabulary),
 * one edit allowed for words of 5 to 8 letters, two beyond (« acelerateur » → « accelerateur », « clermond » →
 * « clermont », « fablabe » → « fablab »). Trigrams narrow the candidates first (an edit changes at most three
 * of a word's trigrams), then the edit distance decides (fastest-levenshtein: small, maintained, no dependency).
 */
import { distance } from 'fastest-levenshtein';

export interface VocabularyWord {
	term: string;
	/** In how many rows the word appears: among equally close candidates, the commoner is meant. */
	docs: number;
}

export interface Correction extends VocabularyWord {
	edits: number;
}

/** How many edits a word of this length may carry: none under 5 letters (too many short words are close). */
export const editsAllowed = (length: number) => (length < 5 ? 0 : length <= 8 ? 1 : 2);

const trigramsOf = (word: string) => {
	const padded = `^${word}$`;
	const out = new Set<string>();
	for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
	return out;
};

export class TypoVocabulary {
	readonly #words: VocabularyWord[];
	readonly #known: Map<string, number>;
	/** The words in code-point order, for « is there a word starting with … » (the word being typed). */
	readonly #sorted: string[];
	readonly #byTrigram = new Map<string, number[]>();

	constructor(words: VocabularyWord[]) {
		this.#words = words.filter((w) => /^\p{L}/u.test(w.term));
		this.#known = new Map(this.#words.map((w) => [w.term, w.docs]));
		this.#sorted = this.#words.map((w) => w.term).sort();
		this.#words.forEach((w, i) => {
			for (const t of trigramsOf(w.term)) {
				const list = this.#byTrigram.get(t);
				if (list) list.push(i);
				else this.#byTrigram.set(t, [i]);
			}
		});
	}

	get size(): number {
		return this.#words.length;
	}

	has(word: string): boolean {
		return this.#known.has(word);
	}

	/** Whether some word of the index starts with `prefix` (a word still being typed is not a typo). */
	hasPrefix(prefix: string): boolean {
		let lo = 0;
		let hi = this.#sorted.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (this.#sorted[mid]! < prefix) lo = mid + 1;
			else hi = mid;
		}
		return lo < this.#sorted.length && this.#sorted[lo]!.startsWith(prefix);
	}

	/** The index's words within the allowed edits of `word`, closest then commonest first; none for a known word. */
	corrections(word: string, limit = 3): Correction[] {
		const allowed = editsAllowed(word.length);
		if (allowed === 0 || this.#known.has(word)) return [];
		const grams = trigramsOf(word);
		const need = grams.size - 3 * allowed;
		const shared = new Map<number, number>();
		for (const g of grams) for (const i of this.#byTrigram.get(g) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
		const found: Correction[] = [];
		const consider = (w: VocabularyWord) => {
			if (Math.abs(w.term.length - word.length) > allowed) return;
			const edits = distance(w.term, word);
			if (edits <= allowed) found.push({ ...w, edits });
		};
		if (need > 0) {
			for (const [i, n] of shared) if (n >= need) consider(this.#words[i]!);
		} else for (const w of this.#words) consider(w);
		return found.sort((a, b) => a.edits - b.edits || b.docs - a.docs || a.term.localeCompare(b.term)).slice(0, limit);
	}
}
