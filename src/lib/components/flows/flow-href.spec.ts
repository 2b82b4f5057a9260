import { describe, expect, it } from 'vitest';
import type { FlowFilters } from '$lib/pathways/types';
import { figureHref, flowParams, flowsCsvHref, flowsHref, nodeHref } from './flow-href';

const filters: FlowFilters = { sector: 'health', departement: '63', from: 2018, to: 2022, level: 'structure' };

describe('flow links', () => {
	it('writes the filters in a fixed order, leaving out defaults', () => {
		expect(flowParams(filters).toString()).toBe('sector=health&departement=63&from=2018&to=2022&level=structure');
		expect(flowsHref({ level: 'category' })).toBe('/parcours/flux');
		expect(flowsHref(filters, { departement: undefined, epci: '200071108' })).toBe(
			'/parcours/flux?sector=health&epci=200071108&from=2018&to=2022&level=structure'
		);
	});

	it('sends the CSV and the projects lists the same filters', () => {
		expect(flowsCsvHref(filters)).toBe('/api/v1/pathways/flows.csv?sector=health&departement=63&from=2018&to=2022&level=structure');
		const first = new URL(figureHref(filters, { figure: 'first', key: 'rural_third_place' }), 'http://x');
		expect(first.pathname).toBe('/parcours/flux/projets');
		expect(first.searchParams.get('sector')).toBe('health');
		expect(first.searchParams.get('figure')).toBe('first');
		expect(first.searchParams.get('key')).toBe('rural_third_place');
		expect(new URL(figureHref({ level: 'category' }, { figure: 'leaving', code: '15' }), 'http://x').search).toBe('?figure=leaving&code=15');
		expect(figureHref({ level: 'category' }, { figure: 'all' })).toBe('/parcours/flux/projets?figure=all');
	});

	it('keeps the period years apart from a transition keys, and narrows diagram figures to their rank', () => {
		const t = new URL(figureHref(filters, { figure: 'transition', from: 'incubator', to: 's12' }, 2), 'http://x').searchParams;
		expect([t.get('from'), t.get('to'), t.get('from_key'), t.get('to_key'), t.get('rank')]).toEqual(['2018', '2022', 'incubator', 's12', '2']);
		expect(nodeHref({ level: 'category' }, { rank: 1, key: 'coworking' })).toBe('/parcours/flux/projets?figure=reached&rank=1&key=coworking');
		expect(nodeHref({ level: 'category' }, { rank: 3, key: 'funder' })).toBe('/parcours/flux/projets?figure=reached&rank=3&key=funder');
	});
});
