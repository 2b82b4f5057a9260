import { describe, expect, it } from 'vitest';
import { freshness } from './freshness';

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
