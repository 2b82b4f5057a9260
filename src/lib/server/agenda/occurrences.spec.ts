import { describe, expect, it } from 'vitest';
import { lastDayOf, nextOccurrences, occurrencesBetween, OPEN_END, recurrenceProblem } from './occurrences';

const apero = {
	startsAt: '2027-01-07T18:30:00',
	endsAt: '2027-01-07T21:00:00',
	recurrence: 'FREQ=MONTHLY;BYDAY=1TH',
	recurrenceExceptions: [] as string[]
};

describe('occurrences of a recurring event', () => {
	it('keeps « chaque 1er jeudi à 18 h 30 » at 18 h 30 on both sides of the March and October changes', () => {
		const got = occurrencesBetween(apero, '2027-02-01', '2027-11-30');
		expect(got.map((o) => o.startsAt)).toEqual([
			'2027-02-04T18:30:00',
			'2027-03-04T18:30:00',
			'2027-04-01T18:30:00', // summer time since 28 March
			'2027-05-06T18:30:00',
			'2027-06-03T18:30:00',
			'2027-07-01T18:30:00',
			'2027-08-05T18:30:00',
			'2027-09-02T18:30:00',
			'2027-10-07T18:30:00',
			'2027-11-04T18:30:00' // winter time since 31 October
		]);
		expect(got[2]).toEqual({ startsAt: '2027-04-01T18:30:00', endsAt: '2027-04-01T21:00:00' });
	});

	it('skips the exception days and shows the next ones', () => {
		const ev = { ...apero, recurrenceExceptions: ['2027-02-04', '2027-04-01'] };
		expect(nextOccurrences(ev, '2027-01-20', 3).map((o) => o.startsAt.slice(0, 10))).toEqual(['2027-03-04', '2027-05-06', '2027-06-03']);
	});

	it('counts an evening running past midnight on its first day, and a multi-day event on each of its days', () => {
		const late = { startsAt: '2027-03-05T22:00:00', endsAt: '2027-03-06T02:00:00', recurrence: 'FREQ=WEEKLY', recurrenceExceptions: [] };
		expect(occurrencesBetween(late, '2027-03-06', '2027-03-06')).toEqual([{ startsAt: '2027-03-05T22:00:00', endsAt: '2027-03-06T02:00:00' }]);
		const fair = { startsAt: '2027-06-10T09:00:00', endsAt: '2027-06-12T18:00:00', recurrence: null, recurrenceExceptions: [] };
		expect(occurrencesBetween(fair, '2027-06-11', '2027-06-11')).toHaveLength(1);
		expect(occurrencesBetween(fair, '2027-06-13', '2027-06-30')).toHaveLength(0);
	});

	it('derives the last day: open-ended rules never end, UNTIL and COUNT do', () => {
		expect(lastDayOf(apero)).toBe(OPEN_END);
		expect(lastDayOf({ ...apero, recurrence: 'FREQ=MONTHLY;BYDAY=1TH;COUNT=3' })).toBe('2027-03-04');
		expect(lastDayOf({ ...apero, recurrence: 'FREQ=WEEKLY;UNTIL=20270131T235959' })).toBe('2027-01-28');
		expect(lastDayOf({ ...apero, recurrence: 'FREQ=WEEKLY;COUNT=2', recurrenceExceptions: ['2027-01-14'] })).toBe('2027-01-07');
		expect(lastDayOf({ ...apero, recurrence: null })).toBe('2027-01-07');
	});

	it('reads an instant as Paris time before repeating it', () => {
		const ev = { startsAt: '2027-01-07T17:30:00Z', endsAt: null, recurrence: 'FREQ=WEEKLY;COUNT=2', recurrenceExceptions: [] };
		expect(occurrencesBetween(ev, '2027-01-01', '2027-01-31').map((o) => o.startsAt)).toEqual(['2027-01-07T18:30:00', '2027-01-14T18:30:00']);
	});

	it('refuses rules it cannot repeat, in French', () => {
		expect(recurrenceProblem('FREQ=MONTHLY;BYDAY=1TH')).toBeNull();
		expect(recurrenceProblem('FREQ=HOURLY')).toMatch(/^règle de répétition illisible/);
		expect(recurrenceProblem('n’importe quoi')).toMatch(/^règle de répétition illisible/);
		expect(recurrenceProblem('FREQ=WEEKLY;BYDAY=XX')).toMatch(/^règle de répétition illisible/);
	});
});
