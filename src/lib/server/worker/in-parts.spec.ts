import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { buffersHandedOver } from './hand-over';
import { fromPartsSteps, inParts, type InParts } from './in-parts';
import { inSlices } from './in-slices';
import { turnsDuring } from '../../../../tests/event-loop-turns';

const value = () => ({
	revision: 7,
	names: new Map([['63', 'Puy-de-Dôme']]),
	// Longer than a part: cut in runs, put back in order.
	ends: new Map(Array.from({ length: 4_500 }, (_, i) => [i, { accuracy: i % 2 ? 'commune' : 'point', km: i / 10 }] as const)),
	structures: Array.from({ length: 5_001 }, (_, i) => ({ id: i, name: `Structure ${i} « Thiers »`, stages: ['creation'], lon: i % 3 ? 3.1 : null })),
	flows: { projects: Array.from({ length: 2_500 }, (_, i) => ({ id: i, steps: [{ key: i % 7 }] })), keys: ['incubator', 's12'], nested: { deep: [1, 2, 3] } },
	empty: [] as number[],
	nothing: null
});

/** Through a real port with the transfer list, as the read thread answers. */
function across<T>(answer: T): T {
	const { port1, port2 } = new MessageChannel();
	port1.postMessage(answer, buffersHandedOver(answer));
	const received = receiveMessageOnPort(port2)!.message as T;
	port1.close();
	return received;
}

function unpackAll<T>(answer: InParts<T>): T {
	const steps = fromPartsSteps(answer);
	for (;;) {
		const step = steps.next();
		if (step.done) return step.value;
	}
}

describe('a worker answer in parts taken in one per turn (issue 18)', () => {
	it('comes back equal, with long arrays and Maps cut in runs and put back in order', () => {
		const answer = across(inParts(value(), { revision: 7 }));
		expect(answer.revision).toBe(7);
		// Runs of 2,000 at most: ends 3, structures 3, flows.projects 2, flows.keys 1; the rest whole.
		expect(answer.parts.filter((p) => p.kind !== 'whole')).toHaveLength(9);
		const steps = fromPartsSteps(answer);
		let step = steps.next();
		let count = 0;
		while (!step.done) {
			count++;
			step = steps.next();
		}
		expect(step.value).toEqual(value());
		expect(count).toBe(answer.parts.length);
	});

	it('a large run is halved until each part is about 256 KB at most', () => {
		const big = { sectors: new Map(Array.from({ length: 12 }, (_, i) => [`secteur-${i}`, Array.from({ length: 20_000 }, (_, k) => k * i)] as const)) };
		const answer = inParts(big, {});
		expect(answer.parts.filter((p) => p.kind === 'map').length).toBeGreaterThanOrEqual(4);
		expect(Math.max(...answer.parts.map((p) => p.bytes.byteLength))).toBeLessThanOrEqual(256 * 1024);
		expect(unpackAll(answer)).toEqual(big);
	});

	it('hands its buffers over: the worker keeps none', () => {
		const answer = inParts(value(), { revision: 7 });
		const first = answer.parts[0]!.bytes;
		across(answer);
		expect(first.byteLength).toBe(0);
	});

	it('one part per turn of the event loop', async () => {
		const answer: InParts<ReturnType<typeof value>> = across(inParts(value(), {}));
		const { value: back, turns } = await turnsDuring(() => inSlices(fromPartsSteps(answer), 0));
		expect(back).toEqual(value());
		expect(turns).toBeGreaterThanOrEqual(answer.parts.length - 1);
	});
});
