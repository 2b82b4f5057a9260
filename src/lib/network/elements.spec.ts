import { describe, expect, it } from 'vitest';
import type { GraphEdge, GraphNode, GraphResponse, MetricsResponse } from './api-types';
import { activeInYear, appearances, buildElements, communityPalette, inactiveInYear, MAX_SIZE, MIN_SIZE, sizeScale, yearSpan } from './elements';
import { COMMUNITY_COLORS, OTHER_COMMUNITY_COLOR } from './graph-style';

// Fixtures keep only the fields these functions read (the API's answers carry them all).
const graph = {
	nodes: [
		{ id: 1, slug: 'a', label: 'A', kind: 'person', category: 'entrepreneur', degree: 2 },
		{ id: 2, slug: 'b', label: 'B', kind: 'organisation', category: 'startup', degree: 1 },
		{ id: 3, slug: 'c', label: 'C', kind: 'organisation', category: 'incubator', degree: 1 }
	] as GraphNode[],
	edges: [
		{ id: 10, source: 1, target: 2, type: 'founded', startDate: '2018', endDate: null, confirmation: 'confirmed' },
		{ id: 11, source: 2, target: 3, type: 'incubated_by', startDate: '2019-03', endDate: '2020', confirmation: 'declared' },
		{ id: 12, source: 1, target: 99, type: 'partner_of' }
	] as GraphEdge[]
} as GraphResponse;

describe('buildElements', () => {
	it('derives nodes and edges, drops edges to absent nodes, marks direction and confirmation', () => {
		const els = buildElements(graph, appearances(graph.nodes, null, 'degree', 'kind'));
		expect(els.filter((e) => e.group === 'nodes')).toHaveLength(3);
		const edges = els.filter((e) => e.group === 'edges');
		expect(edges.map((e) => e.data.id)).toEqual(['e10', 'e11']);
		expect(edges[0]?.classes).toBe('directed');
		expect(edges[1]?.classes).toBe('directed declared');
		expect(els[0]?.data).toMatchObject({ id: 'n1', entityId: 1, shape: 'ellipse' });
	});
});

describe('encodings', () => {
	it('scales size by the square root of the value, between the bounds', () => {
		const s = sizeScale([0, 4, 16]);
		expect(s(16)).toBe(MAX_SIZE);
		expect(s(0)).toBe(MIN_SIZE);
		expect(s(4)).toBeCloseTo(MIN_SIZE + (MAX_SIZE - MIN_SIZE) / 2);
	});
	it('colours the ten largest communities, the rest in grey', () => {
		const metrics = {
			nodes: {},
			top: { degree: [], betweenness: [], pagerank: [] },
			communities: Array.from({ length: 12 }, (_, i) => ({ id: i, size: 100 - i }))
		} as unknown as MetricsResponse;
		const p = communityPalette(metrics);
		expect(p(0)).toBe(COMMUNITY_COLORS[0]);
		expect(p(11)).toBe(OTHER_COMMUNITY_COLOR);
		expect(p(undefined)).toBe(OTHER_COMMUNITY_COLOR);
	});
	it('sizes by metric when the metrics are there, by the API degree otherwise', () => {
		const metrics = {
			nodes: {
				'1': { degree: 2, betweenness: 0, pagerank: 0.1, community: 0 },
				'2': { degree: 1, betweenness: 5, pagerank: 0.2, community: 0 },
				'3': { degree: 1, betweenness: 0, pagerank: 0.3, community: 1 }
			},
			top: { degree: [], betweenness: [], pagerank: [] },
			communities: []
		} as unknown as MetricsResponse;
		expect(appearances(graph.nodes, metrics, 'betweenness', 'kind').get(2)?.size).toBe(MAX_SIZE);
		expect(appearances(graph.nodes, null, 'degree', 'kind').get(1)?.size).toBe(MAX_SIZE);
	});

	it('sizes by press coverage: the most cited actor largest, never-cited ones (« angles morts ») smallest', () => {
		const covered = graph.nodes.map((n, i) => ({ ...n, coverage: [0, 4, 1][i] ?? 0 }));
		const looks = appearances(covered, null, 'coverage', 'kind');
		expect(looks.get(covered[1]!.id)?.size).toBe(MAX_SIZE);
		expect(looks.get(covered[0]!.id)!.size).toBeLessThan(looks.get(covered[2]!.id)!.size);
	});
});

describe('time', () => {
	it('keeps relations started by the year and not yet ended; undated ones always', () => {
		expect(activeInYear({ startDate: '2019-03', endDate: '2020' }, 2018)).toBe(false);
		expect(activeInYear({ startDate: '2019-03', endDate: '2020' }, 2020)).toBe(true);
		expect(activeInYear({ startDate: '2019-03', endDate: '2020' }, 2021)).toBe(false);
		expect(activeInYear({ startDate: null, endDate: null }, 1990)).toBe(true);
	});
	it('hides inactive edges and the nodes they leave alone', () => {
		const h = inactiveInYear(graph, 2018);
		expect([...h.edges]).toEqual([11]);
		expect([...h.nodes]).toEqual([3]);
		expect(yearSpan(graph)).toEqual([2018, 2020]);
		expect(yearSpan({ ...graph, years: [2001, 2024] })).toEqual([2001, 2024]);
	});
});
