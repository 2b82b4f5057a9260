import { describe, expect, it } from 'vitest';
import { separate } from './separate';

const box = (id: string, size: number) => ({ id, w: size, h: size });

describe('separate', () => {
	it('parts two discs that a layout left almost on top of one another', () => {
		const out = separate({ a: [100, 100], b: [101, 102.5], c: [400, 400] }, [box('a', 30), box('b', 34), box('c', 20)]);
		const [ax, ay] = out.a!;
		const [bx, by] = out.b!;
		expect(Math.hypot(bx - ax, by - ay)).toBeGreaterThanOrEqual(15 + 17 + 4 - 0.2);
		// A node far from the others does not move.
		expect(out.c).toEqual([400, 400]);
	});

	it('parts discs on exactly the same spot, the same way every time', () => {
		const nodes = [box('a', 20), box('b', 20), box('c', 20)];
		const start = { a: [0, 0] as [number, number], b: [0, 0] as [number, number], c: [0, 0] as [number, number] };
		const once = separate(start, nodes);
		expect(separate(start, nodes)).toEqual(once);
		const ids = Object.keys(once);
		for (const p of ids) for (const q of ids) if (p < q) expect(Math.hypot(once[p]![0] - once[q]![0], once[p]![1] - once[q]![1])).toBeGreaterThan(20);
	});

	it('leaves a layout without overlap as it is', () => {
		const start = { a: [0, 0] as [number, number], b: [100, 0] as [number, number] };
		expect(separate(start, [box('a', 30), box('b', 30)])).toEqual(start);
	});
});
