/**
 * Issue 19: the agenda lists the events still to come (today's and those still running included), soonest
 * first and grouped by week in Paris time; the archive lists the others, newest first. Real SQLite file, real
 * migrations, events written through the one write path.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb, insertSmallTerritories } from './fresh-db';
import { createEntities } from '../../src/lib/server/services/entity-write.service';
import { agendaPage } from '../../src/lib/server/services/agenda.service';
import { NotFoundError, ValidationError } from '../../src/lib/server/services/errors';
import { eventIcs } from '../../src/lib/server/services/export.service';
import ICAL from 'ical.js';

let ctx: ReturnType<typeof freshDb>;
/** Monday 7 December 2026, 10:00 in Paris. */
const NOW = new Date('2026-12-07T09:00:00Z');
const page = (qs = '') => agendaPage(ctx.db, new URLSearchParams(qs), NOW);
const names = (qs = '') => page(qs).weeks.flatMap((w) => w.events.map((e) => e.name));

beforeAll(() => {
	ctx = freshDb();
	insertSmallTerritories(ctx.db);
	const event = (slug: string, name: string, startsAt: string, more: Record<string, unknown> = {}) => ({
		slug,
		kind: 'event' as const,
		category: 'meetup',
		name,
		communeCode: '63113',
		startsAt,
		...more
	});
	createEntities(ctx.db, [
		event('hier', 'Hier soir', '2026-12-06T18:00:00'),
		event('salon', 'Salon en cours', '2026-12-05T09:00:00', { endsAt: '2026-12-08T17:00:00' }),
		event('ce-soir', 'Ce soir à Clermont', '2026-12-07T18:30:00'),
		event('dimanche', 'Dimanche au Cantal', '2026-12-13T10:00:00', { communeCode: '15014', category: 'training' }),
		event('lundi', 'Lundi suivant', '2026-12-14T09:00:00'),
		// The night the clocks go back to winter time (25 October 2026) is past; the next change is 28 March 2027.
		event('changement', "Le jour du changement d'heure", '2027-03-28T02:30:00'),
		event('printemps', 'Printemps 2027', '2027-04-01T18:00:00', { sectors: ['health'] }),
		event('sans-date', 'Sans date', null as unknown as string),
		{ slug: 'fablab', kind: 'third_place' as const, category: 'fablab', name: 'Un fablab, pas un événement', communeCode: '63113' }
	]);
});
afterAll(() => ctx.close());

describe('agenda', () => {
	it('lists what is still to come, soonest first: a running event, tonight, then the weeks after', () => {
		expect(names()).toEqual(['Salon en cours', 'Ce soir à Clermont', 'Dimanche au Cantal', 'Lundi suivant', "Le jour du changement d'heure", 'Printemps 2027']);
	});

	it('groups by Paris week from Monday: the running salon in this week, Sunday with the week it ends', () => {
		const { weeks, today } = page();
		expect(today).toBe('2026-12-07');
		expect(weeks.map((w) => [w.monday, w.events.map((e) => e.slug)])).toEqual([
			['2026-12-07', ['salon', 'ce-soir', 'dimanche']],
			['2026-12-14', ['lundi']],
			['2027-03-22', ['changement']],
			['2027-03-29', ['printemps']]
		]);
	});

	it('keeps the archive apart, most recent first', () => {
		const past = page('past=1');
		expect(past.query.past).toBe(true);
		expect(past.weeks.flatMap((w) => w.events.map((e) => e.slug))).toEqual(['hier']);
	});

	it("applies the directory's filters and a window of days", () => {
		expect(names('territory=15')).toEqual(['Dimanche au Cantal']);
		expect(names('category=training')).toEqual(['Dimanche au Cantal']);
		expect(names('sector=health')).toEqual(['Printemps 2027']);
		expect(names('from=2026-12-10&to=2026-12-31')).toEqual(['Dimanche au Cantal', 'Lundi suivant']);
		// A window reaching back before today still starts today: the past is the archive's.
		expect(names('from=2026-01-01&to=2026-12-07')).toEqual(['Salon en cours', 'Ce soir à Clermont']);
		expect(names('q=cantal')).toEqual(['Dimanche au Cantal']);
	});

	it('gives the filters back as a stable address (the subscription and the tabs)', () => {
		expect(page('to=2027-01-31&territory=63&category=meetup').filterKey).toBe('category=meetup&territory=63&to=2027-01-31');
	});

	it('refuses a day that is not one, in French, naming the parameter', () => {
		expect(() => page('from=07/12/2026')).toThrow(ValidationError);
		const refusal = (() => {
			try {
				page('to=2026-13-01');
			} catch (e) {
				return e;
			}
		})();
		expect(refusal).toBeInstanceOf(ValidationError);
		expect((refusal as ValidationError).issues.join(' ')).toContain('to\u00a0: une date AAAA-MM-JJ');
	});

	it('gives one event as a calendar of its own (« Ajouter à mon agenda »), Paris time read back by ical.js', () => {
		const read = (slug: string) => {
			const vevents = new ICAL.Component(ICAL.parse(eventIcs(ctx.db, slug, 'https://carto.example', NOW).body as string)).getAllSubcomponents('vevent');
			expect(vevents).toHaveLength(1);
			return new ICAL.Event(vevents[0]!);
		};
		const winter = read('ce-soir');
		expect(winter.summary).toBe('Ce soir à Clermont');
		expect(winter.startDate.toJSDate().toISOString()).toBe('2026-12-07T17:30:00.000Z');
		// Summer time: 18:00 in Paris is 16:00 UTC.
		expect(read('printemps').startDate.toJSDate().toISOString()).toBe('2027-04-01T16:00:00.000Z');
		expect(read('salon').endDate.toJSDate().toISOString()).toBe('2026-12-08T16:00:00.000Z');
		expect(() => eventIcs(ctx.db, 'fablab')).toThrow(NotFoundError);
		expect(() => eventIcs(ctx.db, 'sans-date')).toThrow(NotFoundError);
		expect(() => eventIcs(ctx.db, 'inconnu')).toThrow(NotFoundError);
	});
});
