import { describe, expect, it } from 'vitest';
import type { GraphEdge } from '$lib/network/api-types';
import { actorPlaces, checkedEdge, relationsParams } from './relations-data';

describe('relations on the map: loading', () => {
	it('asks the graph API for the filters’ related actors, relation types and confirmed only', () => {
		const p = new URLSearchParams(relationsParams('kind=organisation&territory=63', ['funded_by', 'incubated_by'], true, 300));
		expect(p.get('kind')).toBe('organisation');
		expect(p.get('territory')).toBe('63');
		expect(p.getAll('type')).toEqual(['funded_by', 'incubated_by']);
		expect(p.get('confirmed')).toBe('1');
		expect(p.get('limit')).toBe('300');
		expect(p.get('connected')).toBe('1');
		expect(new URLSearchParams(relationsParams('', [], false)).has('confirmed')).toBe(false);
	});

	it('places each actor at its point, grouped by commune; an actor with no point is left out', () => {
		const places = actorPlaces([
			{ id: 1, lon: 3.08, lat: 45.77, communeCode: '63113' },
			{ id: 2, lon: 3.09, lat: 45.78, communeCode: '63113' },
			{ id: 3, lon: 2.44, lat: 44.92, communeCode: null },
			{ id: 4, lon: null, lat: null, communeCode: '15014' }
		]);
		expect(places.get(1)).toEqual({ lon: 3.08, lat: 45.77, key: '63113' });
		expect(places.get(2)?.key).toBe('63113');
		expect(places.get(3)?.key).toBe('2.4400,44.9200');
		expect(places.has(4)).toBe(false);
	});

	it('reads a graph answer’s relation as the phrasing module expects (missing fields made explicit)', () => {
		expect(checkedEdge({ id: 1, source: 1, target: 2, type: 'founded' } as GraphEdge)).toMatchObject({
			startDate: null,
			endDate: null,
			confirmation: 'declared',
			sourceRef: null
		});
	});
});
