import { ofTerritory } from '$lib/domain/french';
import { vocabularyIn } from '$lib/domain/vocabulary';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import type { FlowFilters } from '$lib/pathways/types';

interface Place {
	code: string;
	name: string;
}

/**
 * The filters in words, in the page's language (French-phrasing module for the places' articles), for headings
 * and the projects list: « secteur Santé · projets du Puy-de-Dôme (63) · étapes de 2018 à 2022 ».
 */
export function describeFlowFilters(filters: FlowFilters, places: { departements: Place[]; epcis: Place[] }): string[] {
	const parts: string[] = [];
	if (filters.sector) parts.push(m.pathways_summary_sector({ sector: vocabularyIn(getLocale()).sector(filters.sector) }));
	if (filters.departement) {
		const d = places.departements.find((p) => p.code === filters.departement);
		parts.push(
			d
				? m.pathways_summary_departement({ place: d.name, ofPlace: ofTerritory(d.name, 'departement'), code: d.code })
				: m.pathways_summary_departement_code({ code: filters.departement })
		);
	}
	if (filters.epci) {
		const e = places.epcis.find((p) => p.code === filters.epci);
		parts.push(e ? m.pathways_summary_epci({ place: e.name, ofPlace: ofTerritory(e.name, 'epci') }) : m.pathways_summary_epci_code({ code: filters.epci }));
	}
	const { from, to } = filters;
	if (from !== undefined && to !== undefined) parts.push(from === to ? m.pathways_summary_year({ year: from }) : m.pathways_summary_years({ from, to }));
	else if (from !== undefined) parts.push(m.pathways_summary_since({ from }));
	else if (to !== undefined) parts.push(m.pathways_summary_until({ to }));
	parts.push(filters.level === 'structure' ? m.pathways_summary_by_structure() : m.pathways_summary_by_category());
	return parts;
}
