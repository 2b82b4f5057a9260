import { describe, expect, it } from 'vitest';
import { etagInTurns, etagOf } from './etag';

describe('etagInTurns', () => {
	it('gives the same validator as etagOf when a text is hashed a slice at a time, a surrogate pair on every boundary', async () => {
		// 'a😀' is three UTF-16 units: with slices of 4, pairs fall across the cuts at every other slice.
		const text = 'é'.repeat(3) + 'a😀'.repeat(200) + ' « fin »';
		for (const slice of [2, 3, 4, 5, 64]) expect(await etagInTurns(text, slice)).toBe(etagOf(text));
		expect(await etagInTurns(text, 2)).not.toBe(etagOf(text + ' '));
	});

	it('gives the same validator for bytes, and lets callbacks queued before it run meanwhile', async () => {
		const bytes = new Uint8Array(10_000).map((_, i) => (i * 31) % 251);
		let ranBetween = 0;
		const other = setImmediate(() => ranBetween++);
		const etag = await etagInTurns(bytes, 1_000);
		clearImmediate(other);
		expect(etag).toBe(etagOf(bytes));
		expect(ranBetween).toBe(1);
	});

	it('hashes a small body at once', async () => {
		expect(await etagInTurns('{"ok":true}')).toBe(etagOf('{"ok":true}'));
	});
});
