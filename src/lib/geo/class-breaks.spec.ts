import { describe, expect, it } from 'vitest';
import { classOf, jenksBreaks } from './class-breaks';

describe('jenksBreaks', () => {
	it('finds the natural gaps of clearly grouped values', () => {
		expect(jenksBreaks([1, 2, 3, 10, 11, 12, 50, 51, 52], 3)).toEqual([3, 12, 52]);
	});
	it('does not depend on input order', () => {
		expect(jenksBreaks([52, 1, 11, 3, 50, 2, 12, 51, 10], 3)).toEqual([3, 12, 52]);
	});
	it('gives fewer classes than asked when there are few distinct values', () => {
		expect(jenksBreaks([4, 4, 4, 9], 5)).toEqual([4, 9]);
		expect(jenksBreaks([7], 5)).toEqual([7]);
		expect(jenksBreaks([], 5)).toEqual([]);
	});
	it('ignores non-finite values and ends at the maximum', () => {
		const breaks = jenksBreaks([0.2, 0.5, NaN, 1.1, 2.4, 2.5, 7.9, Infinity, 3.3, 0.9], 4);
		expect(breaks).toHaveLength(4);
		expect(breaks.at(-1)).toBe(7.9);
		expect([...breaks].sort((a, b) => a - b)).toEqual(breaks);
	});
	it('places values in their class', () => {
		const breaks = [3, 12, 52];
		expect([0, 3, 3.1, 12, 40, 60].map((v) => classOf(v, breaks))).toEqual([0, 0, 1, 1, 2, 2]);
	});
});
