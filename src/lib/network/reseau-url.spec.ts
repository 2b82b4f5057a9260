import { describe, expect, it } from 'vitest';
import { pathHighlight, pathIndex } from './paths';
import { carteActorHref, exportParams, graphDataParams, hidesIsolated, previewParams, reseauFocusHref, reseauHref, DEFAULT_VIEW } from './reseau-url';

describe('reseau URLs', () => {
	it('keeps the shared filters first and omits defaults', () => {
		expect(reseauHref('kind=organisation', {})).toBe('/reseau?kind=organisation');
		expect(reseauHref('', { focus: 12, depth: 2, layout: 'geo', types: ['founded', 'funded_by'], year: 2020 })).toBe('/reseau?type=founded&type=funded_by&year=2020&focus=12&depth=2&layout=geo');
		expect(carteActorHref('q=fablab', 7)).toBe('/carte?q=fablab&actor=7');
		expect(reseauFocusHref('', 7)).toBe('/reseau?focus=7');
	});
	it('asks the server for the top N only without a focus; the year stays in the browser but goes to exports', () => {
		expect(graphDataParams('', DEFAULT_VIEW, 600)).toBe('limit=600');
		expect(graphDataParams('', { ...DEFAULT_VIEW, focus: 3, depth: 2, confirmed: true }, 600)).toBe('confirmed=1&focus=3&depth=2&connected=1');
		expect(exportParams('kind=event', { ...DEFAULT_VIEW, year: 2019 })).toBe('kind=event&year=2019');
	});
});

describe('hiding the actors with no relation', () => {
	it('is on by default once relations are filtered, and the address says so only when it differs', () => {
		expect(hidesIsolated(DEFAULT_VIEW)).toBe(false);
		expect(hidesIsolated({ ...DEFAULT_VIEW, types: ['founded'] })).toBe(true);
		expect(hidesIsolated({ ...DEFAULT_VIEW, confirmed: true })).toBe(true);
		expect(hidesIsolated({ ...DEFAULT_VIEW, types: ['founded'], isolated: 'show' })).toBe(false);
		expect(graphDataParams('', { ...DEFAULT_VIEW, types: ['founded'] }, 600)).toBe('type=founded&limit=600&connected=1');
		expect(reseauHref('', { types: ['founded'], isolated: 'hide' })).toBe('/reseau?type=founded');
		expect(reseauHref('', { types: ['founded'], isolated: 'show' })).toBe('/reseau?type=founded&isolated=show');
		expect(reseauHref('', { isolated: 'hide' })).toBe('/reseau?isolated=hide');
		expect(exportParams('', { ...DEFAULT_VIEW, isolated: 'hide' })).toBe('connected=1');
	});
});

describe('the server’s first picture', () => {
	it('asks for the view’s data, year and drawing (defaults left out)', () => {
		expect(previewParams('limit=600', DEFAULT_VIEW)).toBe('limit=600');
		expect(previewParams('limit=600', { ...DEFAULT_VIEW, year: 2020, layout: 'concentric', centrality: 'pagerank', colour: 'community' })).toBe('limit=600&year=2020&layout=concentric&centrality=pagerank&colour=community');
		// The centrality only places the concentric layout's nodes.
		expect(previewParams('', { ...DEFAULT_VIEW, layout: 'grouped', centrality: 'pagerank' })).toBe('layout=grouped');
	});
});

describe('paths', () => {
	it('carries every element of the chain, so the graph can add those it lacks whenever it draws', () => {
		const h = pathHighlight(
			{ nodes: [1, 2, 3], edges: [{ id: 10, type: 'founded', source: 1, target: 2 }, { id: 11, type: 'partner_of', source: 2, target: 3 }], sentences: [], details: [] },
			{ '3': { id: 3, slug: 'c', label: 'C', kind: 'event' } }
		);
		expect(h.nodes).toEqual(['n1', 'n2', 'n3']);
		expect(h.edges).toEqual(['e10', 'e11']);
		expect(h.elements.map((m) => m.data.id)).toEqual(['n1', 'n2', 'n3', 'e10', 'e11']);
		expect(h.elements[2]?.data.label).toBe('C');
	});

	it('keeps a shared link’s path number within the answer, and writes it in the address', () => {
		expect(pathIndex(2, 3)).toBe(1);
		expect(pathIndex(null, 3)).toBe(0);
		expect(pathIndex(5, 3)).toBe(2);
		expect(pathIndex(0, 3)).toBe(0);
		expect(reseauHref('', { from: 4, to: 15, path: 2 })).toBe('/reseau?from=4&to=15&path=2');
		expect(reseauHref('', { from: 4, to: 15, path: 1 })).toBe('/reseau?from=4&to=15');
	});
});
