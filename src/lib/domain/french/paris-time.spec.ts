import { describe, expect, it } from 'vitest';
import { formatDateTime as historyDateTime, formatValue } from '$lib/history/format';
import { formatDateTime, formatDay, parisToday } from './dates';

/** An instant is shown as the Paris wall clock reads it, whatever the server's own time zone. */
describe('dates shown in Paris time', () => {
	const verifiedAt = '2026-12-03T23:24:00Z'; // 4 December 2026, 00:24 in Paris (UTC+1)
	it('a verification at 00:24 in Paris on the 4th is the 4th, not the 3rd', () => {
		expect(parisToday(new Date(verifiedAt))).toBe('2026-12-04');
		expect(formatDay(verifiedAt)).toBe('4 décembre 2026');
		expect(formatDateTime(verifiedAt)).toBe('4 décembre 2026 à 0\u00a0h\u00a024');
	});
	it('in summer too (UTC+2), and an offset written out is read as such', () => {
		expect(formatDateTime('2026-07-13T22:30:00Z')).toBe('14 juillet 2026 à 0\u00a0h\u00a030');
		expect(formatDay('2026-07-14T00:30:00+02:00')).toBe('14 juillet 2026');
	});
	it('a plain day or a Paris wall time (events) is not shifted', () => {
		expect(formatDay('2026-12-04')).toBe('4 décembre 2026');
		expect(formatDateTime('2027-03-18T09:00')).toBe('18 mars 2027 à 9\u00a0h');
	});
	it('the history shows a revision made at 00:24 in Paris on the 4th', () => {
		expect(historyDateTime(verifiedAt)).toBe('4 décembre 2026 à 0\u00a0h\u00a024');
		expect(JSON.stringify(formatValue('lastVerifiedAt', verifiedAt))).toContain('4 décembre 2026');
	});
});
