import { filterKey } from '$lib/domain/explore-params';
import { searchParamsToObject } from '$lib/domain/filter-params';
import type { EntityFilters } from '$lib/domain/filters';

/**
 * The filter form's raw parameters (live mode: /carte, /reseau) as filters: empty fields dropped, text
 * trimmed, so that they give the same canonical key as the server's reading of the same address.
 * Addresses themselves go through the explore codec (`$lib/domain/explore-params`).
 */
export function filtersFromForm(params: URLSearchParams): EntityFilters {
	const o = searchParamsToObject(params);
	const arr = (k: string) => (Array.isArray(o[k]) ? (o[k] as string[]) : []);
	const str = (k: string) => (typeof o[k] === 'string' ? (o[k] as string).trim() || undefined : undefined);
	return {
		kind: arr('kind') as EntityFilters['kind'],
		category: arr('category'),
		sector: arr('sector'),
		stage: arr('stage') as EntityFilters['stage'],
		offer: arr('offer') as EntityFilters['offer'],
		territory: str('territory'),
		q: str('q')
	};
}

/** The filter form's raw parameters -> the same canonical key as the server-parsed query gives. */
export function filterKeyFromForm(params: URLSearchParams): string {
	return filterKey(filtersFromForm(params));
}

/** The filters alone of a parsed query (what the explore state holds). */
export function filtersOf(q: EntityFilters): EntityFilters {
	return { kind: q.kind, category: q.category, sector: q.sector, stage: q.stage, offer: q.offer, territory: q.territory, q: q.q };
}

/** @deprecated import it from `$lib/domain/explore-params` (kept while /reseau moves over). */
export { filterKey };
