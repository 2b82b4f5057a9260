import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { buildGraphIndex, type GraphEdge, type GraphNode } from '$lib/graph/graph-index';
import { inSlices } from '../worker/in-slices';
import { turnsDuring } from '../../../../tests/event-loop-turns';
import { packedBuffers, packGraphIndex, unpackGraphIndex, unpackGraphIndexSteps, type PackedGraphIndex } from './graph-transfer';

const KINDS = ['person', 'organisation', 'third_place', 'event'] as const;

function graphOf(n: number) {
	const nodes: GraphNode[] = Array.from({ length: n }, (_, i) => ({
		id: 3 * i + 1,
		slug: `acteur-${i}`,
		// Accents, a dash, an emoji (two UTF-16 units, four UTF-8 bytes) and an empty name.
		label: i === 2 ? '' : i % 3 ? `Fablab « Thiers – Forez » n°${i} 🚀` : `Acteur ${i}`,
		kind: KINDS[i % 4]!,
		category: i % 2 ? 'fablab' : 'startup',
		communeCode: i % 5 ? '63430' : null,
		communeName: i % 5 ? 'Thiers' : null,
		lon: i % 7 ? 3.5 + i / 1000 : null,
		lat: i % 7 ? 45.8 : null,
		// Press coverage (issue 20): mostly none, a few articles now and then.
		coverage: i % 11 ? 0 : i % 4
	}));
	const edges: GraphEdge[] = Array.from({ length: 2 * n }, (_, k) => ({
		id: k + 10,
		type: k % 3 ? 'member_of' : 'funded_by',
		source: nodes[k % n]!.id,
		target: nodes[(k * 7 + 1) % n]!.id,
		startDate: k % 4 ? `20${10 + (k % 12)}-03` : null,
		endDate: k % 9 ? null : '2024',
		confirmation: k % 2 ? 'confirmed' : 'declared',
		sourceRef: k % 6 ? `https://exemple.fr/article-${k % 40}` : null
	}));
	return buildGraphIndex(nodes, edges);
}

/** Through a real port, with the buffers in the transfer list, as the read thread sends it. */
function sentAcross(packed: PackedGraphIndex): PackedGraphIndex {
	const { port1, port2 } = new MessageChannel();
	port1.postMessage(packed, packedBuffers(packed));
	const received = receiveMessageOnPort(port2)!.message as PackedGraphIndex;
	port1.close();
	return received;
}

describe('the graph index handed over as columns (issue 18)', () => {
	it('comes back equal to the index built from the rows: texts, nulls, numbers, adjacency', () => {
		// The adjacency's arrays themselves are handed over: compared with a second build of the same graph.
		expect(unpackGraphIndex(sentAcross(packGraphIndex(graphOf(60))))).toEqual(graphOf(60));
	});

	it('hands its buffers over rather than copying them: the sender keeps none', () => {
		const packed = packGraphIndex(graphOf(60));
		const label = packed.nodes.label.bytes;
		const via = packed.via;
		sentAcross(packed);
		expect(label.byteLength).toBe(0);
		expect(via.length).toBe(0);
	});

	it('repeated texts cross once: 120 relations, 40 distinct sources', () => {
		const packed = packGraphIndex(graphOf(60));
		expect(packed.edges.sourceRef.ends.length).toBe(40);
		expect(packed.edges.type.ends.length).toBe(2);
		const index = unpackGraphIndex(packed);
		const [a, b] = index.edges.filter((e) => e.sourceRef === 'https://exemple.fr/article-1');
		expect(a!.sourceRef).toBe(b!.sourceRef);
	});

	it('an empty graph crosses too', () => {
		expect(unpackGraphIndex(sentAcross(packGraphIndex(buildGraphIndex([], []))))).toEqual(buildGraphIndex([], []));
	});

	it('rebuilds in steps, and in slices the event loop runs between', async () => {
		const packed = sentAcross(packGraphIndex(graphOf(20_000)));
		let steps = 0;
		const counting = unpackGraphIndexSteps(packed);
		while (!counting.next().done) steps++;
		// 20,000 nodes and 40,000 relations, 2,000 rows a step, plus the dictionaries.
		expect(steps).toBeGreaterThanOrEqual(30);

		const { value: rebuilt, turns } = await turnsDuring(() => inSlices(unpackGraphIndexSteps(packed), 1));
		expect(rebuilt).toEqual(graphOf(20_000));
		expect(turns).toBeGreaterThan(3);
	});
});
