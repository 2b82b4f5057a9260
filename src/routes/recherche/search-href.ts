import { localHref } from '$lib/i18n/locale-href';

/** The results page's address (in the page's language) for a query, its facet filters and page: only what is set, in a stable order. */
export interface SearchAddress {
	q: string;
	page?: number;
	kind?: string;
	category?: string;
	dep?: string;
}

export function searchHref(current: SearchAddress, change: Partial<SearchAddress> = {}): string {
	const next = { ...current, page: undefined, ...change };
	const params = new URLSearchParams({ q: next.q });
	for (const key of ['kind', 'category', 'dep'] as const) {
		const value = next[key];
		if (value) params.set(key, value);
	}
	if (next.page && next.page > 1) params.set('page', String(next.page));
	return localHref(`/recherche?${params}`);
}
