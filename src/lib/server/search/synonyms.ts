/**
 * The search's synonyms (table search_synonyms, editable by editors): a group lists words or phrases that
 * mean the same (« financeur, financement, investisseur, funding ») or, marked `related`, that are close
 * enough to widen a search that found little (« tiers-lieu ~ coworking »). A typed word finds its groups by
 * its own spelling, folded, or by one of its stems (« financeurs » → « financeur »).
 */
import { foldAccents } from '$lib/domain/fold';
import { stemsOfWord, wordsOf } from './stems';

export interface SynonymGroup {
	terms: string[];
	related: boolean;
}

/** A phrase as the index sees it: folded words separated by one space (« Tiers-Lieu » → « tiers lieu »). */
export const phraseKey = (text: string) => wordsOf(foldAccents(text)).join(' ');

/** The terms of a group as an editor writes them: separated by commas, semicolons or new lines. */
export function parseGroupTerms(raw: string): string[] {
	const seen = new Set<string>();
	const terms: string[] = [];
	for (const piece of raw.split(/[,;\n]/)) {
		const term = piece.trim().replace(/\s+/g, ' ');
		const key = phraseKey(term);
		if (!key || seen.has(key)) continue;
		seen.add(key);
		terms.push(term);
	}
	return terms;
}

export interface Alternatives {
	/** Same meaning: found in the first tiers. */
	same: string[];
	/** Related: only in the widest tier. */
	related: string[];
}

export class SynonymIndex {
	readonly #byKey = new Map<string, Alternatives>();
	readonly #byStem = new Map<string, Alternatives>();
	/** The longest phrase of any group, in words: how far the query parser looks ahead. */
	readonly longest: number;

	constructor(groups: SynonymGroup[]) {
		let longest = 1;
		for (const group of groups) {
			const keys = group.terms.map(phraseKey).filter(Boolean);
			for (const key of keys) {
				longest = Math.max(longest, key.split(' ').length);
				const others = keys.filter((k) => k !== key);
				add(this.#byKey, key, others, group.related);
				if (!key.includes(' ')) for (const stem of stemsOfWord(key)) add(this.#byStem, stem, others, group.related);
			}
		}
		this.longest = longest;
	}

	/** Whether a phrase of several words is a synonym entry (the parser keeps it whole). */
	isPhrase(key: string): boolean {
		return key.includes(' ') && this.#byKey.has(key);
	}

	/**
	 * The alternatives of a typed word or phrase (folded key), by its spelling first, else by its stems; the
	 * related words of its synonyms are its related words too (« seed » = « amorçage » ~ « création »).
	 */
	of(key: string, raw = key): Alternatives {
		const out: Alternatives = { same: [], related: [] };
		const own = this.#byKey.get(key);
		if (own) merge(out, own);
		else if (!key.includes(' '))
			for (const stem of stemsOfWord(raw)) {
				const found = this.#byStem.get(stem);
				if (found) merge(out, found);
			}
		for (const same of [...out.same]) {
			const theirs = this.#byKey.get(same);
			if (theirs) merge(out, { same: [], related: theirs.related });
		}
		out.related = out.related.filter((k) => k !== key);
		return out;
	}
}

function add(map: Map<string, Alternatives>, key: string, others: string[], related: boolean): void {
	const entry = map.get(key) ?? { same: [], related: [] };
	merge(entry, related ? { same: [], related: others } : { same: others, related: [] });
	map.set(key, entry);
}

function merge(into: Alternatives, from: Alternatives): void {
	for (const k of from.same) if (!into.same.includes(k)) into.same.push(k);
	for (const k of from.related) if (!into.related.includes(k) && !into.same.includes(k)) into.related.push(k);
	into.related = into.related.filter((k) => !into.same.includes(k));
}
