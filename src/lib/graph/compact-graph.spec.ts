import { describe, expect, it } from 'vitest';
import { decodeCompact, encodeCompact, type WholeGraph } from './compact-graph';

const meta = { revision: 7, stale: false, positionsStale: false, total: 4, truncated: false, years: [2019, 2024] };

const graph: WholeGraph = {
	nodes: [
		{ id: 40, label: 'Incubateur « Busi »', kind: 'organisation', category: 'incubator', degree: 2, x: 12.34, y: -5.06 },
		{ id: 3, label: 'Jeanne Dupont', kind: 'person', category: 'founder', degree: 1, x: 0, y: 100.25 },
		{ id: 17, label: 'Startup A', kind: 'organisation', category: 'startup', degree: 3, x: -7.99, y: 3 },
		{ id: 21, label: 'Projet B', kind: 'project', category: 'startup', degree: 0, x: 1e4, y: -1e4 }
	],
	edges: [
		{ source: 17, target: 40, type: 'incubated_by' },
		{ source: 3, target: 17, type: 'founder_of' },
		{ source: 17, target: 40, type: 'funded_by' }
	]
};

describe('compact graph form', () => {
	it('gives back every actor and relation after a trip through JSON, positions to a tenth', () => {
		const sent = JSON.stringify(encodeCompact(graph, meta));
		const back = decodeCompact(JSON.parse(sent));
		expect(back.edges).toEqual(graph.edges);
		expect(back.nodes).toEqual(graph.nodes.map((n) => ({ ...n, x: Math.round(n.x * 10) / 10, y: Math.round(n.y * 10) / 10 })));
	});

	it('says each word once and names relation ends by their row', () => {
		const c = encodeCompact(graph, meta);
		expect(c.kinds).toEqual(['organisation', 'person', 'project']);
		expect(c.categories).toEqual(['incubator', 'founder', 'startup']);
		expect(c.types).toEqual(['incubated_by', 'founder_of', 'funded_by']);
		expect(c.nodes.kind).toEqual([0, 1, 0, 2]);
		expect(c.edges).toEqual({ source: [2, 1, 2], target: [0, 2, 0], type: [0, 1, 2] });
		expect(c).toMatchObject(meta);
	});

	it('refuses a relation whose end is not in the view', () => {
		expect(() => encodeCompact({ nodes: graph.nodes, edges: [{ source: 3, target: 999, type: 'member_of' }] }, meta)).toThrow(/999/);
	});
});
