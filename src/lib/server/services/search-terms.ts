import { vocabularyIn } from '$lib/domain/vocabulary';
import { foldAccents } from '$lib/domain/fold';
import { stemsOfText, wordsOf } from '../search/stems';

type TerritoryIndex = Map<string, { name: string; parentCode: string | null }>;

/**
 * The version of what the two functions below write. Raise it when they change: the server's start-up
 * (setup/prepare.ts) then rewrites every row's search text, so old rows are found like new ones.
 */
export const SEARCH_TEXT_VERSION = 1;

/**
 * The words a person may type to find an entity that the row itself does not hold: the French labels of its
 * kind, category, sectors, stages and offers (both genders of an inclusive one), and the names of its commune,
 * EPCI and département (so « aurillac » finds every actor located there).
 */
export function buildSearchTerms(entity: Labelled & { communeCode: string | null }, places: TerritoryIndex): string {
	const words = labelsIn('fr', entity);
	let code = entity.communeCode;
	for (let depth = 0; code && depth < 3; depth++) {
		const place = places.get(code);
		if (!place) break;
		words.push(place.name);
		code = place.parentCode;
	}
	return words.map(bothGenders).join(' · ');
}

type Labelled = { kind: string; category: string; sectors: readonly string[]; stages: readonly string[]; offers: readonly string[] };

/** The labels of a row's kind, category, sectors, stages and offers, in one language. */
export function labelsIn(locale: 'fr' | 'en', entity: Labelled): string[] {
	const v = vocabularyIn(locale);
	return [
		v.kind(entity.kind),
		v.category(entity.category),
		...entity.sectors.map((c) => v.sector(c)),
		...entity.stages.map((c) => v.stage(c)),
		...entity.offers.map((c) => v.offer(c))
	];
}

/**
 * An inclusive label spelled out in both genders, so each is found: « Chercheur·e » → « Chercheur Chercheuse »,
 * « Élu·e » → « Élu Élue ».
 */
export function bothGenders(label: string): string {
	return label.replace(
		/(\p{L}+)·e\b/gu,
		(_, masculine: string) => `${masculine} ${masculine.endsWith('eur') ? `${masculine.slice(0, -3)}euse` : `${masculine}e`}`
	);
}

/**
 * The index's column of word forms for a row: the stems of its texts (see search/stems.ts), and its labels in
 * English, as words and stems (« seed funding » finds a funder). English stays out of search_terms, whose
 * length weighs in the ranking of the words as typed.
 */
export function buildSearchStems(row: Labelled & { name: string; summary: string; descriptionText: string; searchTerms: string }): string {
	const english = labelsIn('en', row).join(' ');
	const words = new Set(wordsOf(foldAccents(english)));
	for (const stem of stemsOfText(row.name, row.summary, row.descriptionText, row.searchTerms, english).split(' ')) if (stem) words.add(stem);
	return [...words].join(' ');
}
