import { vocabularyIn } from '$lib/domain/vocabulary';
import { stemsOfText } from '../search/stems';

type TerritoryIndex = Map<string, { name: string; parentCode: string | null }>;

/**
 * The version of what the two functions below write. Raise it when they change: the server's start-up
 * (setup/prepare.ts) then rewrites every row's search text, so old rows are found like new ones.
 */
export const SEARCH_TEXT_VERSION = 1;

/**
 * The words a person may type to find an entity that the row itself does not hold: the labels of its kind,
 * category, sectors, stages and offers, in French then in English (« seed funding » finds a funder), and the
 * names of its commune, EPCI and département (so « aurillac » finds every actor located there).
 */
export function buildSearchTerms(
	entity: { kind: string; category: string; sectors: readonly string[]; stages: readonly string[]; offers: readonly string[]; communeCode: string | null },
	places: TerritoryIndex
): string {
	const labels = (locale: 'fr' | 'en') => {
		const v = vocabularyIn(locale);
		return [
			v.kind(entity.kind),
			v.category(entity.category),
			...entity.sectors.map((c) => v.sector(c)),
			...entity.stages.map((c) => v.stage(c)),
			...entity.offers.map((c) => v.offer(c))
		];
	};
	const words = labels('fr');
	let code = entity.communeCode;
	for (let depth = 0; code && depth < 3; depth++) {
		const place = places.get(code);
		if (!place) break;
		words.push(place.name);
		code = place.parentCode;
	}
	const english = labels('en').filter((w) => !words.includes(w));
	return [...words.map(bothGenders), ...english].join(' · ');
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

/** The stems of everything the index holds for a row (see search/stems.ts). */
export function buildSearchStems(row: { name: string; summary: string; descriptionText: string; searchTerms: string }): string {
	return stemsOfText(row.name, row.summary, row.descriptionText, row.searchTerms);
}
