import { describe, expect, it } from 'vitest';
import { freshness, freshnessLimitDay } from './freshness';

describe('freshness', () => {
	const now = new Date('2026-12-03T15:00:00Z');
	it('is « verified » up to 12 months back, day included', () => {
		expect(freshness('2026-12-03', now)).toBe('verified');
		expect(freshness('2025-12-03', now)).toBe('verified');
	});
	it('is « stale » beyond the period', () => {
		expect(freshness('2025-12-02', now)).toBe('stale');
		expect(freshness('2019-01-01', now)).toBe('stale');
	});
	it('is « never » without a date, or with an unreadable one', () => {
		expect(freshness(null, now)).toBe('never');
		expect(freshness('pas une date', now)).toBe('never');
	});
	it('takes another period', () => {
		expect(freshness('2026-05-01', now, 6)).toBe('stale');
		expect(freshness('2026-05-01', now, 12)).toBe('verified');
	});
});

describe('freshness in Paris time', () => {
	it('counts from the Paris day: 00:24 in Paris on the 4th is the 4th, not the 3rd', () => {
		const justAfterMidnight = new Date('2026-12-03T23:24:00Z'); // 4 December, 00:24 in Paris
		expect(freshnessLimitDay(justAfterMidnight)).toBe('2025-12-04');
		expect(freshness('2025-12-03', justAfterMidnight)).toBe('stale');
		expect(freshness('2025-12-04', justAfterMidnight)).toBe('verified');
	});
	it('ends a shorter month on its last day', () => {
		expect(freshnessLimitDay(new Date('2027-03-31T10:00:00Z'), 1)).toBe('2027-02-28');
		expect(freshnessLimitDay(new Date('2026-12-03T10:00:00Z'), 6)).toBe('2026-06-03');
	});
});
