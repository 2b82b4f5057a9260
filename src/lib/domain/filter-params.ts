import type { DirectoryQuery, EntityFilters } from './filters';

/**
 * The shared filter URL format, without the validation schemas (filters.ts): the map and the graph
 * pages build and read the same query strings in the browser without shipping zod.
 */
export const ARRAY_KEYS = ['kind', 'category', 'sector', 'stage', 'offer'] as const;

/** URLSearchParams -> plain object ready for a schema (repeated keys become arrays, empty values vanish; `moreArrayKeys`: other repeatable keys, such as the graph's relation `type`). */
export function searchParamsToObject(params: URLSearchParams, moreArrayKeys: readonly string[] = []): Record<string, string | string[]> {
	const out: Record<string, string | string[]> = {};
	for (const key of new Set(params.keys())) {
		const values = params.getAll(key).filter((v) => v !== '');
		if (values.length === 0) continue;
		out[key] = (ARRAY_KEYS as readonly string[]).includes(key) || moreArrayKeys.includes(key) ? values : (values[values.length - 1] as string);
	}
	return out;
}

/** The inverse: filters -> query string, stable order so that shared URLs look alike. */
export function filtersToSearchParams(filters: Partial<DirectoryQuery>, defaults = true): URLSearchParams {
	const params = new URLSearchParams();
	for (const key of ARRAY_KEYS) for (const v of filters[key] ?? []) params.append(key, v);
	if (filters.territory) params.set('territory', filters.territory);
	if (filters.press) params.set('press', filters.press);
	if (filters.q) params.set('q', filters.q);
	if (filters.sort && (!defaults || filters.sort !== 'name')) params.set('sort', filters.sort);
	if (filters.dir && (!defaults || filters.dir !== 'asc')) params.set('dir', filters.dir);
	if (filters.page && filters.page !== 1) params.set('page', String(filters.page));
	if (filters.perPage && filters.perPage !== 50) params.set('perPage', String(filters.perPage));
	return params;
}

export function hasActiveFilters(f: EntityFilters): boolean {
	return ARRAY_KEYS.some((k) => f[k].length > 0) || Boolean(f.territory) || Boolean(f.q) || Boolean(f.press);
}
