import { describe, expect, it } from 'vitest';
import { edgeMask } from './graph-index';
import { buildView } from './view';
import { graphOf } from './test-graphs';

// 1-2 founded, 2-3 partners, 4 and 5 alone, 6-7 partners.
const index = graphOf(
	7,
	[
		[1, 2],
		[2, 3],
		[6, 7]
	],
	(i) => (i === 0 ? { type: 'founded' } : {})
);
const ids = (positions: number[]) => positions.map((p) => index.nodes[p]?.id);

describe('graph view without the actors that have no relation', () => {
	it('leaves out the unrelated actors, and counts without them', () => {
		const all = buildView(index, { allowed: null, mask: null });
		expect(ids(all.nodes)).toEqual([1, 2, 3, 4, 5, 6, 7]);
		const linked = buildView(index, { allowed: null, mask: null, connectedOnly: true });
		expect(ids(linked.nodes)).toEqual([1, 2, 3, 6, 7]);
		expect(linked.total).toBe(5);
		expect(linked.edges).toEqual(all.edges);
	});

	it('judges by the relations the filters keep: a type filter leaves more actors alone', () => {
		const founded = edgeMask(index, { types: ['founded'] });
		expect(ids(buildView(index, { allowed: null, mask: founded }).nodes)).toHaveLength(7);
		expect(ids(buildView(index, { allowed: null, mask: founded, connectedOnly: true }).nodes)).toEqual([1, 2]);
	});

	it('keeps the focused actor even when it has no relation left', () => {
		const founded = edgeMask(index, { types: ['founded'] });
		expect(ids(buildView(index, { allowed: null, mask: founded, focus: index.position.get(3), depth: 1, connectedOnly: true }).nodes)).toEqual([3]);
	});

	it('after a cap, drops an actor the cap cut off from all its neighbours', () => {
		// Most related first: 2 (two relations), then 1, 3, 6, 7 (one each; ties by id): a cap of 4 keeps 1, 2, 3, 6 and 6 loses 7.
		const view = buildView(index, { allowed: null, mask: null, limit: 4, connectedOnly: true });
		expect(ids(view.nodes)).toEqual([1, 2, 3]);
		expect(view.truncated).toBe(true);
	});
});
