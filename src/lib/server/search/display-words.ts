/**
 * The spelling to show for a word the engine found folded (the index drops accents): « accelerateur » is
 * shown « accélérateur » when a label, a synonym or a place name spells it so, in « Vouliez-vous dire : … ».
 */
import { foldAccents } from '$lib/domain/fold';
import { categoryTerms, kindTerms, offerTerms, sectorTerms, stageTerms } from '$lib/domain/vocabulary';
import { wordsOf } from './stems';

const LABELS = [...kindTerms, ...categoryTerms, ...stageTerms, ...offerTerms, ...sectorTerms].flatMap((t) => [t.label, t.labelEn]);

export class DisplayWords {
	readonly #forms = new Map<string, string>();

	constructor(texts: Iterable<string>) {
		for (const text of [...LABELS, ...texts])
			for (const word of wordsOf(text)) {
				const folded = foldAccents(word);
				// The accented spelling wins over the plain one (« Théâtre » over « theatre »).
				if (!this.#forms.has(folded) || this.#forms.get(folded) === folded) this.#forms.set(folded, word);
			}
	}

	show(folded: string): string {
		return folded
			.split(' ')
			.map((w) => this.#forms.get(w) ?? w)
			.join(' ');
	}
}
