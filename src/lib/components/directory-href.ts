import { filtersToSearchParams } from '$lib/domain/filter-params';
import type { DirectoryQuery } from '$lib/domain/filters';

/** The directory URL for the current query with some keys changed (sort, page …). */
export function directoryHref(query: DirectoryQuery, patch: Partial<DirectoryQuery> = {}): string {
	const params = filtersToSearchParams({ ...query, ...patch }).toString();
	return params ? `/acteurs?${params}` : '/acteurs';
}
