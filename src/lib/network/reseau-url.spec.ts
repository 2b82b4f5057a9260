import { describe, expect, it } from 'vitest';
import { pathHighlight } from './paths';
import { carteActorHref, exportParams, graphDataParams, reseauFocusHref, reseauHref, DEFAULT_VIEW } from './reseau-url';

describe('reseau URLs', () => {
	it('keeps the shared filters first and omits defaults', () => {
		expect(reseauHref('kind=organisation', {})).toBe('/reseau?kind=organisation');
		expect(reseauHref('', { focus: 12, depth: 2, layout: 'geo', types: ['founded', 'funded_by'], year: 2020 })).toBe('/reseau?type=founded&type=funded_by&year=2020&focus=12&depth=2&layout=geo');
		expect(carteActorHref('q=fablab', 7)).toBe('/carte?q=fablab&actor=7');
		expect(reseauFocusHref('', 7)).toBe('/reseau?focus=7');
	});
	it('asks the server for the top N only without a focus; the year stays in the browser but goes to exports', () => {
		expect(graphDataParams('', DEFAULT_VIEW, 600)).toBe('limit=600');
		expect(graphDataParams('', { ...DEFAULT_VIEW, focus: 3, depth: 2, confirmed: true }, 600)).toBe('confirmed=1&focus=3&depth=2');
		expect(exportParams('kind=event', { ...DEFAULT_VIEW, year: 2019 })).toBe('kind=event&year=2019');
	});
});

describe('pathHighlight', () => {
	it('lists the chain and adds the elements the view lacks', () => {
		const h = pathHighlight(
			{ nodes: [1, 2, 3], edges: [{ id: 10, type: 'founded', source: 1, target: 2 }, { id: 11, type: 'partner_of', source: 2, target: 3 }], sentences: [] },
			{ '3': { id: 3, slug: 'c', label: 'C', kind: 'event' } },
			(id) => ['n1', 'n2', 'e10'].includes(id)
		);
		expect(h.nodes).toEqual(['n1', 'n2', 'n3']);
		expect(h.edges).toEqual(['e10', 'e11']);
		expect(h.missing.map((m) => m.data.id)).toEqual(['n3', 'e11']);
	});
});
