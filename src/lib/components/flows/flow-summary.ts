import { ofTerritory, spanDates } from '$lib/domain/french';
import { sectorTerms } from '$lib/domain/vocabulary';
import type { FlowFilters } from '$lib/pathways/types';

interface Place {
	code: string;
	name: string;
}

/** The filters in words (French-phrasing module for places and years), for headings and the projects list: « secteur Santé · projets du Puy-de-Dôme (63) · étapes de 2018 à 2022 ». */
export function describeFlowFilters(filters: FlowFilters, places: { departements: Place[]; epcis: Place[] }): string[] {
	const parts: string[] = [];
	if (filters.sector) parts.push(`secteur ${sectorTerms.find((t) => t.code === filters.sector)?.label ?? filters.sector}`);
	if (filters.departement) {
		const d = places.departements.find((p) => p.code === filters.departement);
		parts.push(d ? `projets ${ofTerritory(d.name, 'departement')} (${d.code})` : `projets du département ${filters.departement}`);
	}
	if (filters.epci) {
		const e = places.epcis.find((p) => p.code === filters.epci);
		parts.push(e ? `projets ${ofTerritory(e.name, 'epci')}` : `projets de l'EPCI ${filters.epci}`);
	}
	if (filters.from !== undefined && filters.to !== undefined)
		parts.push(filters.from === filters.to ? `étapes de ${filters.from}` : `étapes ${spanDates(String(filters.from), String(filters.to))}`);
	else if (filters.from !== undefined) parts.push(`étapes depuis ${filters.from}`);
	else if (filters.to !== undefined) parts.push(`étapes jusqu'en ${filters.to}`);
	parts.push(filters.level === 'structure' ? 'par structure' : 'par catégorie de structure');
	return parts;
}
