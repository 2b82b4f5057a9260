import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { encodeCompact } from '$lib/graph/compact-graph';
import { kindColor } from '$lib/map/kind-colors';
import { nodeSize, wholeGraphOf, wholeUrl, type WholeNodeAttributes } from './whole-graph';

const compact = encodeCompact(
	{
		nodes: [
			{ id: 5, label: 'Hub', kind: 'organisation', category: 'incubator', degree: 9, x: 1, y: 2 },
			{ id: 8, label: 'Lieu', kind: 'third_place', category: 'coworking', degree: 1, x: -3, y: 4 },
			{ id: 9, label: 'Personne', kind: 'person', category: 'founder', degree: 2, x: 0, y: 0 }
		],
		edges: [
			{ source: 5, target: 8, type: 'partner_of' },
			{ source: 8, target: 5, type: 'member_of' },
			{ source: 9, target: 5, type: 'founder_of' }
		]
	},
	{ revision: 1, stale: false, positionsStale: false, total: 3, truncated: false, years: [] }
);

describe('the whole graph for sigma', () => {
	it('puts every actor at the server’s position, sized by degree, coloured by kind; parallel relations drawn once', () => {
		const g = wholeGraphOf(new Graph<WholeNodeAttributes>({ type: 'undirected' }), compact);
		expect(g.order).toBe(3);
		expect(g.size).toBe(2);
		expect(g.getNodeAttributes('8')).toEqual({ x: -3, y: 4, size: nodeSize(1), color: kindColor('third_place'), label: 'Lieu', entityId: 8, degree: 1 });
		expect(nodeSize(9)).toBeGreaterThan(nodeSize(1));
		expect(g.neighbors('5').sort()).toEqual(['8', '9']);
	});

	it('asks for every filtered actor, unless a focus keeps a neighbourhood', () => {
		expect(wholeUrl('kind=organisation&limit=600')).toBe('/api/v1/graph/compact?kind=organisation&limit=20000');
		expect(wholeUrl('focus=12&depth=2')).toBe('/api/v1/graph/compact?focus=12&depth=2');
	});
});
