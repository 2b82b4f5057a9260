import { describe, expect, it } from 'vitest';
import { addDays, mondayOf } from './calendar-days';

describe('calendar days', () => {
	it('finds the Monday of a week from any of its days, Sunday included, across months, years and clock changes', () => {
		expect(mondayOf('2026-12-07')).toBe('2026-12-07');
		expect(mondayOf('2026-12-13')).toBe('2026-12-07');
		expect(mondayOf('2027-01-01')).toBe('2026-12-28');
		expect(mondayOf('2027-03-28')).toBe('2027-03-22');
		expect(mondayOf('2026-10-25')).toBe('2026-10-19');
	});

	it('counts days, not hours', () => {
		expect(addDays('2027-03-27', 1)).toBe('2027-03-28');
		expect(addDays('2027-03-28', 1)).toBe('2027-03-29');
		expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
		expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
	});
});
