import { describe, expect, it } from 'vitest';
import { carteHref, filterKey, filterKeyFromForm } from './carte-url';

describe('carte URL', () => {
	it('gives the same key for the form and for the parsed query', () => {
		const form = new URLSearchParams('q=+fablab+&kind=third_place&kind=organisation&territory=&territory=63');
		expect(filterKeyFromForm(form)).toBe(filterKey({ kind: ['third_place', 'organisation'], category: [], sector: [], stage: [], offer: [], territory: '63', q: 'fablab' }));
		expect(filterKeyFromForm(form)).toBe('kind=third_place&kind=organisation&territory=63&q=fablab');
	});
	it('adds the view state after the filters', () => {
		expect(carteHref('kind=event', { stat: { measure: 'rate', level: 'epci' }, near: { commune: '15014', radiusKm: 30 }, actor: 12 })).toBe(
			'/carte?kind=event&stat=rate&level=epci&near=15014&radius=30&actor=12'
		);
		expect(carteHref('', { stat: null, near: null, actor: null })).toBe('/carte');
	});
});
