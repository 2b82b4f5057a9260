import { describe, expect, it } from 'vitest';
import type { PathEdge } from './api-types';
import { EXPLORE_DEFAULTS, exploreHref, type ExploreQuery } from '$lib/domain/explore-params';
import { exportParams, graphDataParams, previewParams } from './graph-params';
import { pathHighlight, pathIndex } from './paths';
import { reseauFocusHref } from './reseau-url';

const view = (patch: Partial<ExploreQuery> = {}): ExploreQuery =>
	({ kind: [], category: [], sector: [], stage: [], offer: [], ...EXPLORE_DEFAULTS, ...patch }) as ExploreQuery;

describe('the graph API’s parameters for a view', () => {
	it('asks the server for the top N only without a focus; the year stays in the browser but goes to exports', () => {
		expect(graphDataParams('', view(), 600)).toBe('limit=600');
		expect(graphDataParams('', view({ focus: 3, depth: 2, confirmed: true }), 600)).toBe('confirmed=1&focus=3&depth=2&connected=1');
		expect(exportParams('kind=event', view({ year: 2019 }))).toBe('kind=event&year=2019');
	});

	it('leaves out the actors with no relation once relations are filtered, unless asked; the address says so only when it differs', () => {
		expect(graphDataParams('', view({ type: ['founded'] }), 600)).toBe('type=founded&limit=600&connected=1');
		expect(graphDataParams('', view({ type: ['founded'], isolated: 'show' }), 600)).toBe('type=founded&limit=600');
		expect(exportParams('', view({ isolated: 'hide' }))).toBe('connected=1');
		expect(exploreHref('reseau', view({ type: ['founded'], isolated: 'hide' }))).toBe('/reseau?type=founded');
		expect(exploreHref('reseau', view({ type: ['founded'], isolated: 'show' }))).toBe('/reseau?type=founded&isolated=show');
		expect(exploreHref('reseau', view({ isolated: 'hide' }))).toBe('/reseau?isolated=hide');
	});

	it('asks the server’s first picture for the view’s data, year and drawing (defaults left out)', () => {
		expect(previewParams('limit=600', view())).toBe('limit=600');
		expect(previewParams('limit=600', view({ year: 2020, layout: 'concentric', centrality: 'pagerank', colour: 'community' }))).toBe(
			'limit=600&year=2020&layout=concentric&centrality=pagerank&colour=community'
		);
		// The centrality only places the concentric layout's nodes.
		expect(previewParams('', view({ layout: 'grouped', centrality: 'pagerank' }))).toBe('layout=grouped');
		// The grouped picture names its groups: an English page asks for them in English, and only there.
		expect(previewParams('', view({ layout: 'grouped' }), 'en')).toBe('layout=grouped&lang=en');
		expect(previewParams('', view(), 'en')).toBe('');
	});

	it('links the map’s card to the graph focused on that actor, filters kept', () => {
		expect(reseauFocusHref('', 7)).toBe('/reseau?focus=7');
		expect(reseauFocusHref('kind=organisation&q=fablab', 7)).toBe('/reseau?kind=organisation&q=fablab&focus=7');
	});
});

describe('paths', () => {
	it('carries every element of the chain, so the graph can add those it lacks whenever it draws', () => {
		const h = pathHighlight(
			{
				nodes: [1, 2, 3],
				edges: [
					{ id: 10, type: 'founded', source: 1, target: 2 },
					{ id: 11, type: 'partner_of', source: 2, target: 3 }
				] as PathEdge[],
				sentences: [],
				details: []
			},
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
		expect(exploreHref('reseau', view({ from: 4, to: 15, path: 2 }))).toBe('/reseau?from=4&to=15&path=2');
		expect(exploreHref('reseau', view({ from: 4, to: 15, path: 1 }))).toBe('/reseau?from=4&to=15');
	});
});
