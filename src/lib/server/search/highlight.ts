/**
 * Marks what a forgiving search found in a row's text, the way FTS5's snippet() does for words as typed:
 * the typed words, the word being typed (as a prefix), their synonyms and likely spellings, and any word of
 * the same stem (« Incubateur » is marked for « incubateurs »). FTS5 cannot mark those: its snippet only knows
 * the phrases of its query, and a stem matched in the stems column is not in the text shown.
 */
import { foldAccents } from '$lib/domain/fold';
import { stemsOfWord } from './stems';

export interface Marks {
	words: string[];
	prefixes: string[];
	stems: string[];
}

export interface Segment {
	text: string;
	hit: boolean;
}

const TOKEN = /[\p{L}\p{N}]+/gu;
/** Words shown around the first hit, as the index's snippets do (16 words, a few before the hit). */
const WINDOW = 16;
const BEFORE = 3;

export class Highlighter {
	readonly #words: Set<string>;
	readonly #prefixes: string[];
	readonly #stems: Set<string>;
	/** The stems' first three letters: most words of a text are never stemmed. */
	readonly #stemStarts: Set<string>;

	constructor(marks: Marks) {
		this.#words = new Set(marks.words);
		this.#prefixes = marks.prefixes;
		this.#stems = new Set(marks.stems);
		this.#stemStarts = new Set(marks.stems.map((s) => s.slice(0, 3)));
	}

	isHit(token: string): boolean {
		const folded = foldAccents(token);
		if (this.#words.has(folded) || this.#prefixes.some((p) => folded.startsWith(p))) return true;
		return this.#stemStarts.has(folded.slice(0, 3)) && stemsOfWord(token).some((s) => this.#stems.has(s));
	}

	/** A short excerpt of `text` around its first hit, hits marked; null when nothing in it is a hit. */
	excerpt(text: string): Segment[] | null {
		const tokens = [...text.matchAll(TOKEN)];
		const first = tokens.findIndex((t) => this.isHit(t[0]));
		if (first < 0) return null;
		const from = Math.max(0, Math.min(first - BEFORE, tokens.length - WINDOW));
		const to = Math.min(tokens.length, from + WINDOW);
		const segments: Segment[] = [];
		const push = (piece: string, hit: boolean) => {
			const last = segments.at(-1);
			if (last && last.hit === hit) last.text += piece;
			else if (piece) segments.push({ text: piece, hit });
		};
		let at = from === 0 ? 0 : tokens[from]!.index;
		if (from > 0) push('…', false);
		for (let i = from; i < to; i++) {
			const t = tokens[i]!;
			push(text.slice(at, t.index), false);
			push(t[0], this.isHit(t[0]));
			at = t.index + t[0].length;
		}
		push(to === tokens.length ? text.slice(at) : '…', false);
		return segments;
	}
}
