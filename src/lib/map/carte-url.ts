import { filtersToSearchParams, searchParamsToObject } from '$lib/domain/filter-params';
import type { EntityFilters } from '$lib/domain/filters';
import type { StatLevel, StatMeasure } from './api-types';

/** The map's own view state, next to the shared filters in /carte's URL. */
export interface MapView {
	stat: { measure: StatMeasure; level: StatLevel } | null;
	near: { commune: string; radiusKm: number } | null;
	actor: number | null;
}

const DEFAULTS = { sort: 'name', dir: 'asc', page: 1, perPage: 50 } as const;

/** Canonical query string of the entity filters alone (the API key and the prefix of the page URL). */
export function filterKey(filters: Partial<EntityFilters>): string {
	return filtersToSearchParams({ ...filters, ...DEFAULTS }).toString();
}

/** The filter form's raw parameters -> the same canonical key as the server-parsed query gives. */
export function filterKeyFromForm(params: URLSearchParams): string {
	const o = searchParamsToObject(params);
	const arr = (k: string) => (Array.isArray(o[k]) ? (o[k] as string[]) : []);
	const str = (k: string) => (typeof o[k] === 'string' ? (o[k] as string).trim() || undefined : undefined);
	return filterKey({ kind: arr('kind') as EntityFilters['kind'], category: arr('category'), sector: arr('sector'), stage: arr('stage') as EntityFilters['stage'], offer: arr('offer') as EntityFilters['offer'], territory: str('territory'), q: str('q') });
}

export function carteHref(key: string, view: MapView): string {
	const params = new URLSearchParams(key);
	if (view.stat) {
		params.set('stat', view.stat.measure);
		params.set('level', view.stat.level);
	}
	if (view.near) {
		params.set('near', view.near.commune);
		params.set('radius', String(view.near.radiusKm));
	}
	if (view.actor != null) params.set('actor', String(view.actor));
	const qs = params.toString();
	return qs ? `/carte?${qs}` : '/carte';
}
