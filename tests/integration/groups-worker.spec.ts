import { describe, expect, it } from 'vitest';
import { aggregateAndPlace, type AggregateInput } from '../../src/lib/graph/aggregate';
import { aggregateInWorker } from '../../src/lib/server/graph/groups-worker';

describe('the groups pass in a worker thread', () => {
	it('answers what the server’s thread would (large graphs send it there)', async () => {
		const n = 500;
		const m = 2000;
		const input: AggregateInput = {
			n,
			edgeSource: Int32Array.from({ length: m }, (_, k) => (k * 7) % n),
			edgeTarget: Int32Array.from({ length: m }, (_, k) => (k * 13 + 1) % n),
			edgeType: Uint8Array.from({ length: m }, (_, k) => k % 2),
			typeNames: ['partner_of', 'funded_by'],
			nodeGroup: Int32Array.from({ length: n }, (_, p) => p % 9),
			groupCount: 9,
			shown: Uint8Array.from({ length: n }, (_, p) => (p % 9 === 4 ? 1 : 0)),
			edgeMask: null
		};
		const here = aggregateAndPlace(input, 200, 9);
		const there = await aggregateInWorker(input, 200, 9);
		expect(there).toEqual(here);
	});
});
