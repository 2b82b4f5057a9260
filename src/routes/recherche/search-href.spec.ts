import { describe, expect, it } from 'vitest';
import { searchHref } from './search-href';

describe('searchHref', () => {
	it('keeps the query and the facets, drops the page when a facet changes', () => {
		const here = { q: 'tiers lieu', kind: 'third_place', page: 3 };
		expect(searchHref(here)).toBe('/recherche?q=tiers+lieu&kind=third_place');
		expect(searchHref(here, { page: 2 })).toBe('/recherche?q=tiers+lieu&kind=third_place&page=2');
		expect(searchHref(here, { dep: '15' })).toBe('/recherche?q=tiers+lieu&kind=third_place&dep=15');
		expect(searchHref(here, { kind: undefined })).toBe('/recherche?q=tiers+lieu');
	});
});
