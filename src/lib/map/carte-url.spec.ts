import { describe, expect, it } from 'vitest';
import { exploreHref, filterKey } from '$lib/domain/explore-params';
import { filterKeyFromForm, filtersFromForm, filtersOf } from './carte-url';

describe('the filter form, read for the explore state', () => {
	it('gives the same key for the form and for the parsed query', () => {
		const form = new URLSearchParams('q=+fablab+&kind=third_place&kind=organisation&territory=&territory=63');
		expect(filterKeyFromForm(form)).toBe(
			filterKey({ kind: ['third_place', 'organisation'], category: [], sector: [], stage: [], offer: [], territory: '63', q: 'fablab' })
		);
		expect(filterKeyFromForm(form)).toBe('kind=third_place&kind=organisation&territory=63&q=fablab');
		expect(filtersFromForm(new URLSearchParams('q=++'))).toEqual({
			kind: [],
			category: [],
			sector: [],
			stage: [],
			offer: [],
			territory: undefined,
			q: undefined
		});
	});
	it('keeps only the filters of a parsed query', () => {
		const q = { kind: ['event' as const], category: [], sector: [], stage: [], offer: [], territory: '15', q: undefined, sort: 'name', page: 2 };
		expect(filtersOf(q)).toEqual({ kind: ['event'], category: [], sector: [], stage: [], offer: [], territory: '15', q: undefined });
	});
	it('the map address puts the view state after the filters (the codec /carte uses)', () => {
		expect(
			exploreHref('carte', {
				kind: ['event'],
				stat: 'rate',
				level: 'epci',
				near: '15014',
				radius: 30,
				actor: 12,
				year: 2021,
				type: ['funded_by'],
				at: { lat: 45.05, lng: 2.6, zoom: 10 }
			})
		).toBe('/carte?kind=event&year=2021&type=funded_by&actor=12&stat=rate&level=epci&near=15014&radius=30&at=45.0500%2C2.6000%2C10');
		expect(exploreHref('carte', {})).toBe('/carte');
	});
});
