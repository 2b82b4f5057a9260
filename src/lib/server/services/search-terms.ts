import { categoryLabel, kindLabel, offerLabel, sectorLabel, stageLabel } from '$lib/domain/vocabulary';
import type { EntityData } from '$lib/domain/entity.schema';

type TerritoryIndex = Map<string, { name: string; parentCode: string | null }>;

/**
 * The words a person may type to find an entity that the row itself does not hold:
 * French labels of its kind, category, sectors, stages and offers, and the names of its commune,
 * EPCI and département (so « aurillac » finds every actor located there).
 */
export function buildSearchTerms(
	entity: Pick<EntityData, 'kind' | 'category' | 'sectors' | 'stages' | 'offers' | 'communeCode'>,
	places: TerritoryIndex
): string {
	const words = [
		kindLabel(entity.kind),
		categoryLabel(entity.category),
		...entity.sectors.map(sectorLabel),
		...entity.stages.map(stageLabel),
		...entity.offers.map(offerLabel)
	];
	let code = entity.communeCode;
	for (let depth = 0; code && depth < 3; depth++) {
		const place = places.get(code);
		if (!place) break;
		words.push(place.name);
		code = place.parentCode;
	}
	return words.join(' · ');
}
