import { describe, expect, it } from 'vitest';
import { openingHoursProblem, openingHoursView, parisWallClock } from './opening-hours';

const NBSP = '\u00a0';
const h = (s: string) => s.replace(/ h/g, `${NBSP}h`).replace(/h (\d)/g, `h${NBSP}$1`);

describe('openingHoursProblem', () => {
	it('accepts the OSM syntax, public holidays included, and empty values', () => {
		expect(openingHoursProblem('Mo-Fr 09:00-18:00; Sa 10:00-13:00; PH off')).toBeNull();
		expect(openingHoursProblem('24/7')).toBeNull();
		expect(openingHoursProblem('  ')).toBeNull();
	});
	it('says in French what is wrong with a value people type', () => {
		const problem = openingHoursProblem('lundi 9h');
		expect(problem).toMatch(/^horaires d'ouverture illisibles\u00a0: /);
		expect(problem).toContain('"Mo" pour "lundi"');
		expect(problem).not.toContain('\n');
		expect(openingHoursProblem('Mo-Fr 25:00-26:00')).toMatch(/illisibles/);
		expect(openingHoursProblem('x'.repeat(600))).toMatch(/trop longs/);
	});
});

describe('openingHoursView', () => {
	const hours = 'Mo-Fr 09:00-12:00,14:00-18:30; Sa 10:00-13:00; PH off';

	it('is open on a Tuesday morning in Paris, whatever the instant is written in', () => {
		// 2026-12-22 is a Tuesday; 09:30 in Paris is 08:30 UTC in winter.
		const v = openingHoursView(hours, new Date('2026-12-22T08:30:00Z'))!;
		expect(v.state).toBe('open');
		expect(openingHoursView(hours, new Date('2026-12-22T07:30:00Z'))!.state).toBe('closed');
		expect(openingHoursView(hours, new Date('2026-12-22T17:20:00Z'))!.state).toBe('open');
		expect(openingHoursView(hours, new Date('2026-12-22T17:31:00Z'))!.state).toBe('closed');
	});

	it('gives the week from Monday to Sunday, today marked, slots in French', () => {
		const v = openingHoursView(hours, new Date('2026-12-22T08:30:00Z'))!;
		expect(v.week.map((d) => d.day)).toEqual(['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche']);
		expect(v.week[1]).toMatchObject({ today: true, slots: [h('9 h – 12 h'), h('14 h – 18 h 30')] });
		expect(v.week[5]!.slots).toEqual([h('10 h – 13 h')]);
		expect(v.week[6]!.slots).toEqual([]);
		expect(v.week.filter((d) => d.today)).toHaveLength(1);
	});

	it('knows French public holidays: Christmas is closed with « PH off »', () => {
		const v = openingHoursView(hours, new Date('2026-12-25T10:00:00Z'))!;
		expect(v.state).toBe('closed');
		const friday = v.week[4]!;
		expect(friday).toMatchObject({ day: 'vendredi', holiday: true, slots: [] });
	});

	it('reads Paris summer time too (UTC+2)', () => {
		// Wednesday 2027-06-16, 08:30 UTC = 10:30 in Paris.
		expect(openingHoursView('We 10:00-11:00', new Date('2027-06-16T08:30:00Z'))!.state).toBe('open');
		expect(openingHoursView('We 10:00-11:00', new Date('2027-06-16T09:30:00Z'))!.state).toBe('closed');
	});

	it('says « toute la journée » and « minuit », keeps comments', () => {
		expect(openingHoursView('24/7', new Date('2026-12-22T08:30:00Z'))!.week[0]!.slots).toEqual(['toute la journée']);
		const late = openingHoursView('Mo-Fr 20:00-24:00 "sur rendez-vous"', new Date('2026-12-22T20:30:00Z'))!;
		// A comment makes the state « unknown » in the OSM rules: the page says « sur rendez-vous », not « ouvert ».
		expect(late.state).toBe('unknown');
		expect(late.comment).toBe('sur rendez-vous');
		expect(late.week[0]!.slots).toEqual([h('20 h – minuit (à confirmer, sur rendez-vous)')]);
	});

	it('shows nothing for an empty or unreadable value rather than a wrong table', () => {
		expect(openingHoursView('', new Date())).toBeNull();
		expect(openingHoursView(null)).toBeNull();
		expect(openingHoursView('lundi 9h')).toBeNull();
	});

	it('builds the Paris wall clock as local fields', () => {
		const d = parisWallClock(new Date('2026-12-22T23:30:00Z'));
		expect([d.getDate(), d.getHours(), d.getMinutes()]).toEqual([23, 0, 30]);
	});
});
