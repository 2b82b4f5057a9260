import { describe, expect, it } from 'vitest';
import { edgeMask } from './graph-index';
import { buildView } from './view';
import { relationSentence } from './sentences';
import { edge, graphOf } from './test-graphs';
import { seededRandom } from './random';

// A star around 1 (2..5) plus a tail 5-6-7.
const index = graphOf(
	7,
	[
		[1, 2],
		[1, 3],
		[1, 4],
		[1, 5],
		[5, 6],
		[6, 7]
	],
	(i) => (i === 5 ? { startDate: '2019', endDate: '2020', type: 'funded_by' } : {})
);
const ids = (positions: number[]) => positions.map((p) => index.nodes[p]?.id);

describe('graph view', () => {
	it('keeps the most related actors under a cap and says how many there were', () => {
		const view = buildView(index, { allowed: null, mask: null, limit: 3 });
		expect(view.total).toBe(7);
		expect(view.truncated).toBe(true);
		expect(ids(view.nodes)).toEqual([1, 5, 6]);
		expect(view.edges.map((k) => index.edges[k]?.id)).toEqual([4, 5]);
		expect(view.degree.get(0)).toBe(4);
	});

	it('focus: the neighbourhood within the filtered actors and relations', () => {
		const allowed = new Uint8Array(7).fill(1);
		allowed[2] = 0;
		expect(ids(buildView(index, { allowed, mask: null, focus: 0, depth: 1 }).nodes)).toEqual([1, 2, 4, 5]);
		expect(ids(buildView(index, { allowed, mask: null, focus: 0, depth: 3 }).nodes)).toEqual([1, 2, 4, 5, 6, 7]);
		const in2019 = edgeMask(index, { year: 2019 });
		const view = buildView(index, { allowed: null, mask: in2019, focus: 6, depth: 2 });
		expect(ids(view.nodes)).toEqual([6, 7]);
		expect(view.edges.map((k) => index.edges[k]?.id)).toEqual([6]);
		expect(ids(buildView(index, { allowed: null, mask: edgeMask(index, { year: 2021 }), focus: 6, depth: 2 }).nodes)).toEqual([7]);
	});
});

describe('relation sentences', () => {
	const volcabio = { name: 'Volcabio', kind: 'organisation', category: 'startup' };
	it('writes the relation in its direction, with its period, confirmation and source, in French', () => {
		const past = edge(1, 3, 2, { type: 'incubated_by', startDate: '2019', endDate: '2020', sourceRef: 'Le Connecteur, mars 2021' });
		expect(relationSentence(past, volcabio, { name: 'Incubateur des Dômes', kind: 'organisation', category: 'incubator' }, '2026-12-05')).toBe(
			"Volcabio a été incubée par l'Incubateur des Dômes de 2019 à 2020 (confirmée par les deux parties\u00a0; source\u00a0: Le Connecteur, mars 2021)"
		);
		const current = edge(2, 3, 2, { type: 'hosted_by', startDate: '2021-03', confirmation: 'declared' });
		expect(relationSentence(current, volcabio, { name: 'La Grange', kind: 'third_place', category: 'rural_third_place' }, '2026-12-05')).toBe(
			'Volcabio est hébergée à La Grange depuis mars 2021 (source à préciser)'
		);
	});
});

describe('graph view under a cap, at any size', () => {
	/** The cap as first written: every actor sorted by (relations in the view desc, id), then cut. */
	function byFullSort(g: ReturnType<typeof graphOf>, limit: number, focus?: number, allowed?: Uint8Array) {
		const n = g.nodes.length;
		const nodes = Array.from({ length: n }, (_, i) => i).filter((i) => !allowed || allowed[i]);
		const shown = new Set(nodes);
		const degree = new Map(nodes.map((i) => [i, 0]));
		g.edges.forEach((_, k) => {
			const [s, t] = [g.edgeSource[k]!, g.edgeTarget[k]!];
			if (shown.has(s) && shown.has(t)) {
				degree.set(s, degree.get(s)! + 1);
				degree.set(t, degree.get(t)! + 1);
			}
		});
		const kept = [...nodes].sort((a, b) => degree.get(b)! - degree.get(a)! || a - b).slice(0, limit);
		if (focus !== undefined && !kept.includes(focus)) kept[kept.length - 1] = focus;
		return { nodes: kept.sort((a, b) => a - b), degrees: kept.map((i) => degree.get(i)) };
	}

	it('keeps the same actors as sorting them all by relations, ties to the lower id, with and without filters', () => {
		const random = seededRandom(7);
		for (let round = 0; round < 30; round++) {
			const n = 20 + Math.floor(random() * 300);
			const pairs: [number, number][] = Array.from({ length: Math.floor(random() * n * 2) }, () => [
				1 + Math.floor(random() * n),
				1 + Math.floor(random() * n)
			]);
			const g = graphOf(n, pairs);
			const allowed = round % 3 === 0 ? Uint8Array.from({ length: n }, () => (random() < 0.7 ? 1 : 0)) : undefined;
			const kept = allowed ? allowed.reduce((s, x) => s + x, 0) : n;
			const limit = 1 + Math.floor(random() * (kept - 1));
			const view = buildView(g, { allowed: allowed ?? null, mask: null, limit });
			const expected = byFullSort(g, limit, undefined, allowed);
			expect(view.nodes).toEqual(expected.nodes);
			expect(view.nodes.map((p) => view.degree.get(p))).toEqual(expected.degrees);
		}
	});
});
