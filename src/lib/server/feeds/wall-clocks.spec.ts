import { describe, expect, it } from 'vitest';
import { WallClocks } from './wall-clocks';

const wall = (text: string) => {
	const [y, mo, d, h, mi, s] = text.split(/[-T:]/).map(Number) as [number, number, number, number, number, number];
	return { year: y, month: mo, day: d, hour: h, minute: mi, second: s };
};

describe('WallClocks', () => {
	const clocks = new WallClocks();

	it('gives the Paris wall clock of an instant, winter and summer', () => {
		expect(clocks.paris(Date.UTC(2027, 0, 12, 7, 30))).toBe('2027-01-12T08:30:00');
		expect(clocks.paris(Date.UTC(2027, 6, 4, 8, 0, 5))).toBe('2027-07-04T10:00:05');
	});

	it('finds the instant a zone’s wall clock shows', () => {
		expect(new Date(clocks.instant(wall('2027-03-16T09:00:00'), 'America/New_York')).toISOString()).toBe('2027-03-16T13:00:00.000Z');
		expect(new Date(clocks.instant(wall('2027-06-15T18:00:00'), 'Europe/Paris')).toISOString()).toBe('2027-06-15T16:00:00.000Z');
	});

	it('moves a time inside the spring-forward gap one hour later', () => {
		expect(clocks.paris(clocks.instant(wall('2027-03-28T02:30:00'), 'Europe/Paris'))).toBe('2027-03-28T03:30:00');
	});

	it('knows IANA names and nothing else', () => {
		expect(clocks.knows('Europe/Paris')).toBe(true);
		expect(clocks.knows('Romance Standard Time')).toBe(false);
		expect(() => clocks.wallTime(0, 'Romance Standard Time')).toThrow(RangeError);
	});
});
