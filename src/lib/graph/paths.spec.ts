import { describe, expect, it } from 'vitest';
import { activeInYear, buildGraphIndex, edgeMask, yearRange } from './graph-index';
import { commonNeighbours, neighbourhood, shortestPaths } from './paths';
import { edge, graphOf, node } from './test-graphs';

/*
 * 1 - 2 - 3 - 6        three hops
 * 1 - 4 - 6            two hops (1-4 only declared)
 * 1 - 5 - 6            two hops
 * 1 - 7 - 8 - 9 - 10 - 11 - 12 - 6   seven hops: beyond any limit
 */
const pairs: [number, number][] = [
	[1, 2],
	[2, 3],
	[3, 6],
	[1, 4],
	[4, 6],
	[1, 5],
	[5, 6],
	[1, 7],
	[7, 8],
	[8, 9],
	[9, 10],
	[10, 11],
	[11, 12],
	[12, 6]
];
const index = graphOf(12, pairs, (i) => (i === 3 ? { confirmation: 'declared' } : {}));
const pos = (id: number) => index.position.get(id) as number;
const ids = (positions: number[]) => positions.map((p) => index.nodes[p]?.id);

describe('k shortest paths', () => {
	it('lists the alternatives shortest first, within the hop limit', () => {
		const paths = shortestPaths(index, pos(1), pos(6), { k: 5, maxHops: 6 });
		expect(paths.map((p) => ids(p.nodes))).toEqual([
			[1, 4, 6],
			[1, 5, 6],
			[1, 2, 3, 6]
		]);
		expect(shortestPaths(index, pos(1), pos(6), { k: 5, maxHops: 2 }).map((p) => ids(p.nodes))).toEqual([
			[1, 4, 6],
			[1, 5, 6]
		]);
		expect(shortestPaths(index, pos(1), pos(6), { k: 1 })).toHaveLength(1);
		expect(shortestPaths(index, pos(1), pos(12), { k: 5, maxHops: 6 }).map((p) => ids(p.nodes))).toEqual([
			[1, 4, 6, 12],
			[1, 5, 6, 12],
			[1, 2, 3, 6, 12],
			[1, 7, 8, 9, 10, 11, 12]
		]);
	});

	it('names, for each step, the relation joining the two actors', () => {
		for (const p of shortestPaths(index, pos(1), pos(12), { k: 5 })) {
			expect(p.edges).toHaveLength(p.nodes.length - 1);
			p.edges.forEach((k, i) => {
				const e = index.edges[k]!;
				expect(new Set([e.source, e.target])).toEqual(new Set([index.nodes[p.nodes[i]!]!.id, index.nodes[p.nodes[i + 1]!]!.id]));
			});
		}
	});

	it('confirmed only: the path through a declared relation disappears', () => {
		const paths = shortestPaths(index, pos(1), pos(6), { k: 5, maxHops: 6, mask: edgeMask(index, { confirmedOnly: true }) });
		expect(paths.map((p) => ids(p.nodes))).toEqual([
			[1, 5, 6],
			[1, 2, 3, 6]
		]);
	});

	it('relation types: only the chosen types are walked', () => {
		const typed = graphOf(
			4,
			[
				[1, 2],
				[2, 4],
				[1, 3],
				[3, 4]
			],
			(i) => ({ type: i < 2 ? 'founded' : 'funded_by' })
		);
		const p = (id: number) => typed.position.get(id) as number;
		const only = shortestPaths(typed, p(1), p(4), { k: 5, mask: edgeMask(typed, { types: ['funded_by'] }) });
		expect(only.map((x) => x.nodes.map((n) => typed.nodes[n]?.id))).toEqual([[1, 3, 4]]);
	});

	it('finds k distinct simple paths of equal length (3×3 grid, corner to corner: 6 shortest)', () => {
		// 1 2 3 / 4 5 6 / 7 8 9
		const grid = graphOf(9, [
			[1, 2],
			[2, 3],
			[4, 5],
			[5, 6],
			[7, 8],
			[8, 9],
			[1, 4],
			[4, 7],
			[2, 5],
			[5, 8],
			[3, 6],
			[6, 9]
		]);
		const p = (id: number) => grid.position.get(id) as number;
		const paths = shortestPaths(grid, p(1), p(9), { k: 5 });
		expect(paths).toHaveLength(5);
		expect(new Set(paths.map((x) => x.nodes.join())).size).toBe(5);
		for (const x of paths) {
			expect(x.edges).toHaveLength(4);
			expect(new Set(x.nodes).size).toBe(x.nodes.length);
		}
	});

	it('picks the confirmed one of two relations between the same actors', () => {
		const g = buildGraphIndex([node(1), node(2)], [edge(10, 1, 2, { confirmation: 'declared' }), edge(11, 2, 1, { confirmation: 'confirmed' })]);
		const [only] = shortestPaths(g, 0, 1);
		expect(only?.edges.map((k) => g.edges[k]?.id)).toEqual([11]);
	});

	it('answers nothing when the actors are not connected, or the same', () => {
		const g = graphOf(4, [
			[1, 2],
			[3, 4]
		]);
		expect(shortestPaths(g, 0, 3)).toEqual([]);
		expect(shortestPaths(g, 0, 0)).toEqual([]);
	});
});

describe('neighbours', () => {
	it('common neighbours of two actors, with the relation on each side', () => {
		const common = commonNeighbours(index, pos(1), pos(6));
		expect(common.map((c) => index.nodes[c.node]?.id)).toEqual([4, 5]);
		const [first] = common;
		expect(index.edges[first!.viaA]).toMatchObject({ source: 1, target: 4 });
		expect(index.edges[first!.viaB]).toMatchObject({ source: 4, target: 6 });
		expect(commonNeighbours(index, pos(1), pos(6), edgeMask(index, { confirmedOnly: true })).map((c) => index.nodes[c.node]?.id)).toEqual([5]);
	});

	it('neighbourhood at depth 1, 2 and 3', () => {
		const at = (d: number) => ids(neighbourhood(index, pos(1), d)).sort((a, b) => (a ?? 0) - (b ?? 0));
		expect(at(1)).toEqual([1, 2, 4, 5, 7]);
		expect(at(2)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
		expect(at(3)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 12]);
	});
});

describe('relations active in a year', () => {
	it('started that year or before, not ended before; undated ones never', () => {
		expect(activeInYear({ startDate: '2019-03', endDate: '2020' }, 2019)).toBe(true);
		expect(activeInYear({ startDate: '2019-03', endDate: '2020' }, 2020)).toBe(true);
		expect(activeInYear({ startDate: '2019-03', endDate: '2020' }, 2021)).toBe(false);
		expect(activeInYear({ startDate: '2019', endDate: null }, 2025)).toBe(true);
		expect(activeInYear({ startDate: '2019', endDate: null }, 2018)).toBe(false);
		expect(activeInYear({ startDate: null, endDate: null }, 2019)).toBe(false);
		expect(activeInYear({ startDate: null, endDate: '2020' }, 2019)).toBe(false);
	});
	it('gives the years spanned by dated relations', () => {
		expect(yearRange([edge(1, 1, 2, { startDate: '2015-02', endDate: '2018' }), edge(2, 1, 2, { startDate: '2021' }), edge(3, 1, 2)])).toEqual([2015, 2021]);
		expect(yearRange([edge(3, 1, 2)])).toBeNull();
	});
});
