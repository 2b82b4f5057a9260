/**
 * Issue 19: recurring events (« Apéro des créateurs, chaque 1er jeudi »), written through the one write path on a
 * real SQLite file: each date in the agenda's weeks and month, the archive keeps the past ones, the filters of the
 * agenda (free, on site or online, stage), the actor pages' events, and the .ics read back by ical.js, whose
 * expansion across the change of clocks must give the same Paris hours as ours.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import nodeIcal from 'node-ical';
import { eq } from 'drizzle-orm';
import { freshDb, insertSmallTerritories } from './fresh-db';
import { createEntities, createRelations, updateEntity } from '../../src/lib/server/services/entity-write.service';
import { actorEvents, agendaPage, eventsApi, eventsNear } from '../../src/lib/server/services/agenda.service';
import { eventListResponse } from '../../src/lib/domain/api/responses';
import { ValidationError } from '../../src/lib/server/services/errors';
import { agendaIcs, eventIcs } from '../../src/lib/server/services/export.service';
import { entities } from '../../src/lib/server/db/schema';
import { wallClock } from '../../src/lib/domain/french/dates';

let ctx: ReturnType<typeof freshDb>;
/** Monday 7 December 2026, 10:00 in Paris. */
const NOW = new Date('2026-12-07T09:00:00Z');
const page = (qs = '') => agendaPage(ctx.db, new URLSearchParams(qs), NOW);
const dates = (qs = '') => page(qs).weeks.flatMap((w) => w.events.map((e) => `${e.slug} ${e.startsAt}`));
const editor = { actor: { userId: null, label: 'Rédaction' }, reason: 'Agenda' };
let cordeeId = 0;
let aperoId = 0;

beforeAll(() => {
	ctx = freshDb();
	insertSmallTerritories(ctx.db);
	cordeeId = createEntities(ctx.db, [{ slug: 'la-cordee', kind: 'third_place', category: 'coworking', name: 'La Cordée', communeCode: '63113' }])[0]!;
	const ids = createEntities(ctx.db, [
		{
			slug: 'apero',
			kind: 'event',
			category: 'meetup',
			name: 'Apéro des créateurs',
			communeCode: '63113',
			venueId: cordeeId,
			// Thursday 3 December 2026, then every first Thursday; not in the January holidays.
			startsAt: '2026-12-03T18:30:00',
			endsAt: '2026-12-03T21:00:00',
			recurrence: 'FREQ=MONTHLY;BYDAY=1TH',
			recurrenceExceptions: ['2027-01-07'],
			stages: ['emergence', 'creation'],
			free: true
		},
		{
			slug: 'webinaire',
			kind: 'event',
			category: 'training',
			name: 'Webinaire financement',
			communeCode: '63113',
			startsAt: '2026-12-10T12:00:00',
			recurrence: 'FREQ=WEEKLY;COUNT=3',
			attendance: 'online',
			price: '20 €',
			free: false,
			stages: ['development']
		},
		{ slug: 'forum', kind: 'event', category: 'conference', name: 'Forum hybride', communeCode: '63113', startsAt: '2027-02-05T09:00:00', attendance: 'hybrid' }
	]);
	aperoId = ids[0]!;
	createRelations(ctx.db, [{ type: 'organises', sourceId: cordeeId!, targetId: ids[2]!, source: 'https://example.org' }], editor);
});
afterAll(() => ctx.close());

describe('recurring events in the agenda', () => {
	it('derives the last day on every write: open-ended, then counted, then a one-off', () => {
		const lastDay = (slug: string) => ctx.db.select({ d: entities.lastDay }).from(entities).where(eq(entities.slug, slug)).get()!.d;
		expect(lastDay('apero')).toBe('9999-12-31');
		expect(lastDay('webinaire')).toBe('2026-12-24');
		expect(lastDay('forum')).toBe('2027-02-05');
		updateEntity(ctx.db, aperoId, { recurrence: 'FREQ=MONTHLY;BYDAY=1TH;COUNT=2' }, { ...editor, expectedVersion: 1 });
		// RFC 5545 counts the skipped date among the COUNT: 3 December, then 7 January, skipped.
		expect(lastDay('apero')).toBe('2026-12-03');
		updateEntity(ctx.db, aperoId, { recurrence: 'FREQ=MONTHLY;BYDAY=1TH' }, { ...editor, expectedVersion: 2 });
		expect(lastDay('apero')).toBe('9999-12-31');
	});

	it('lists each date to come, once per occurrence, the skipped one left out', () => {
		const list = dates('to=2027-04-30');
		expect(list).toEqual([
			'webinaire 2026-12-10T12:00:00',
			'webinaire 2026-12-17T12:00:00',
			'webinaire 2026-12-24T12:00:00',
			'apero 2027-02-04T18:30:00',
			'forum 2027-02-05T09:00:00',
			'apero 2027-03-04T18:30:00',
			// After the change of clocks (28 March 2027): still 18:30 in Paris.
			'apero 2027-04-01T18:30:00'
		]);
		const first = page('to=2027-04-30').weeks[0]!.events[0]!;
		expect(first).toMatchObject({ slug: 'webinaire', recurrence: 'FREQ=WEEKLY;COUNT=3', seriesStartsAt: '2026-12-10T12:00:00', endsAt: null });
	});

	it('keeps the past dates of a series still running in the archive', () => {
		expect(dates('past=1')).toEqual(['apero 2026-12-03T18:30:00']);
	});

	it('filters by free, on site or online, and stage', () => {
		const slugs = (qs: string) => [...new Set(page(`${qs}&to=2027-04-30`).weeks.flatMap((w) => w.events.map((e) => e.slug)))];
		expect(slugs('free=1')).toEqual(['apero']);
		expect(slugs('attendance=online')).toEqual(['webinaire', 'forum']);
		expect(slugs('attendance=on_site')).toEqual(['apero', 'forum']);
		expect(slugs('stage=development')).toEqual(['webinaire']);
		expect(slugs('stage=creation&free=1')).toEqual(['apero']);
		expect(page('free=1&attendance=online').filterKey).toBe('free=1&attendance=online');
	});

	it('draws a month: every date on its day, the neighbouring days of the grid too', () => {
		const month = page('view=month&month=2027-02').month!;
		expect(month.month).toBe('2027-02');
		expect([month.previous, month.next]).toEqual(['2027-01', '2027-03']);
		expect(month.weeks).toHaveLength(4); // 1 February 2027 is a Monday, the 28th a Sunday
		const days = month.weeks
			.flat()
			.filter((d) => d.events.length)
			.map((d) => `${d.day} ${d.events.map((e) => e.slug).join(',')}`);
		expect(days).toEqual(['2027-02-04 apero', '2027-02-05 forum']);
		const december = page('view=month&month=2026-12').month!;
		expect(december.weeks[0]![0]!.day).toBe('2026-11-30');
		expect(
			december.weeks
				.flat()
				.filter((d) => d.events.length)
				.map((d) => d.day)
		).toEqual(['2026-12-03', '2026-12-10', '2026-12-17', '2026-12-24']);
	});

	it("lists a third-place's events: those it hosts and organises, the recurring one at its next date", () => {
		const events = actorEvents(ctx.db, cordeeId, NOW);
		expect(events.upcoming.map((e) => `${e.slug} ${e.startsAt}`)).toEqual(['apero 2027-02-04T18:30:00', 'forum 2027-02-05T09:00:00']);
		expect(events.past).toEqual([]);
	});

	it('writes RRULE and EXDATE in Paris time with its VTIMEZONE: ical.js repeats it at 18:30 on both sides of the change', () => {
		const body = eventIcs(ctx.db, 'apero', 'https://carto.example', NOW).body as string;
		expect(body).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Paris');
		expect(body).toContain('DTSTART;TZID=Europe/Paris:20261203T183000');
		expect(body).toContain('RRULE:FREQ=MONTHLY;BYDAY=1TH');
		expect(body).toContain('EXDATE;TZID=Europe/Paris:20270107T183000');
		const event = new ICAL.Event(new ICAL.Component(ICAL.parse(body)).getFirstSubcomponent('vevent')!);
		const it = event.iterator();
		const got: string[] = [];
		for (let next = it.next(); next && got.length < 6; next = it.next()) {
			if (event.component.getAllProperties('exdate').some((p) => p.getFirstValue()!.toString() === next!.toString())) continue;
			const w = wallClock(next.toJSDate().toISOString());
			got.push(`${w.date} ${w.hour}:${w.minute}`);
		}
		expect(got).toEqual(['2026-12-03 18:30', '2027-02-04 18:30', '2027-03-04 18:30', '2027-04-01 18:30', '2027-05-06 18:30', '2027-06-03 18:30']);
		// In UTC: 17:30 in winter, 16:30 in summer.
		expect(event.startDate.toJSDate().toISOString()).toBe('2026-12-03T17:30:00.000Z');
	});

	it('is imported the same by a second calendar reader (node-ical: its own parser, rrule.js, moment-timezone)', () => {
		const body = agendaIcs(ctx.db, new URLSearchParams(), 'https://carto.example', NOW).body as string;
		const events = Object.values(nodeIcal.sync.parseICS(body)).filter((c): c is nodeIcal.VEvent => c.type === 'VEVENT');
		const apero = events.find((e) => e.summary === 'Apéro des créateurs')!;
		// The first date at 18:30 in Paris, 17:30 UTC in winter.
		expect(apero.start.toISOString()).toBe('2026-12-03T17:30:00.000Z');
		const skipped = new Set(Object.keys(apero.exdate ?? {}).map((k) => k.slice(0, 10)));
		expect(skipped).toEqual(new Set(['2027-01-07']));
		const dates = apero
			.rrule!.between(new Date('2026-12-01T00:00:00Z'), new Date('2027-06-30T00:00:00Z'))
			.map((d) => wallClock(d.toISOString()))
			.filter((w) => !skipped.has(w.date))
			.map((w) => `${w.date} ${w.hour}:${w.minute}`);
		// Still 18:30 after the change of clocks (28 March), 7 January left out: what our agenda lists.
		expect(dates).toEqual(['2026-12-03 18:30', '2027-02-04 18:30', '2027-03-04 18:30', '2027-04-01 18:30', '2027-05-06 18:30', '2027-06-03 18:30']);
		expect(events.map((e) => e.summary).sort()).toEqual(
			(new ICAL.Component(ICAL.parse(body)).getAllSubcomponents('vevent').map((v) => String(v.getFirstPropertyValue('summary'))) as string[]).sort()
		);
	});

	it('gives a subscription of exactly the agenda filters (free, online)', () => {
		const summaries = (qs: string) => {
			const cal = new ICAL.Component(ICAL.parse(agendaIcs(ctx.db, new URLSearchParams(qs), 'https://carto.example', NOW).body as string));
			return cal.getAllSubcomponents('vevent').map((v) => v.getFirstPropertyValue('summary'));
		};
		expect(summaries('free=1')).toEqual(['Apéro des créateurs']);
		expect(summaries('attendance=online').sort()).toEqual(['Forum hybride', 'Webinaire financement']);
	});

	it('/api/v1/events: every date of the window expanded, paged by offset, in the documented shape', () => {
		const api = (qs: string) => eventsApi(ctx.db, new URLSearchParams(qs), NOW);
		const first = api('to=2027-04-30&limit=4');
		expect(eventListResponse.parse(first)).toEqual(first);
		expect(first.total).toBe(7);
		expect(first.items.map((i) => `${i.slug} ${i.startsAt}`)).toEqual([
			'webinaire 2026-12-10T12:00:00',
			'webinaire 2026-12-17T12:00:00',
			'webinaire 2026-12-24T12:00:00',
			'apero 2027-02-04T18:30:00'
		]);
		expect(first.next).toBe(4);
		const second = api('to=2027-04-30&limit=4&offset=4');
		expect(second.items.map((i) => i.startsAt)).toEqual(['2027-02-05T09:00:00', '2027-03-04T18:30:00', '2027-04-01T18:30:00']);
		expect(second.next).toBeNull();
		expect(second.items[0]).toMatchObject({ slug: 'forum', attendance: 'hybrid', url: '/acteurs/forum', venue: null });
		expect(api('to=2027-04-30&limit=4&offset=3').items[0]).toMatchObject({ slug: 'apero', venue: { slug: 'la-cordee', name: 'La Cordée' }, free: true });
		expect(api('past=1').items.map((i) => i.startsAt)).toEqual(['2026-12-03T18:30:00']);
		expect(() => api('limit=500')).toThrow(ValidationError);
	});
});

describe('the finder’s « Prochaines rencontres près de chez vous »', () => {
	it('proposes the events of the stage held within reach (placed at their venue), soonest first, then online ones', () => {
		const hall = createEntities(ctx.db, [
			{ slug: 'halle-thiers', kind: 'third_place', category: 'fablab', name: 'Halle de Thiers', communeCode: '63113', lon: 3.547, lat: 45.856 }
		])[0]!;
		createEntities(ctx.db, [
			// Held at the hall (no position of its own): 37 km from Clermont-Ferrand.
			{ slug: 'pitch-thiers', kind: 'event', category: 'pitch', name: 'Pitch à Thiers', venueId: hall, startsAt: '2027-03-04T18:00:00', stages: ['creation'] },
			{
				slug: 'atelier-clermont',
				kind: 'event',
				category: 'training',
				name: 'Atelier statuts',
				lon: 3.087,
				lat: 45.777,
				startsAt: '2027-04-01T09:00:00',
				stages: ['creation']
			},
			// Aurillac: 130 km away.
			{
				slug: 'cafe-aurillac',
				kind: 'event',
				category: 'meetup',
				name: 'Café Aurillac',
				lon: 2.445,
				lat: 44.926,
				startsAt: '2027-01-14T18:00:00',
				stages: ['creation']
			},
			{
				slug: 'webinaire-creation',
				kind: 'event',
				category: 'training',
				name: 'Webinaire création',
				attendance: 'online',
				startsAt: '2027-01-20T12:00:00',
				stages: ['creation']
			},
			// Near, but for another stage.
			{
				slug: 'club-croissance',
				kind: 'event',
				category: 'meetup',
				name: 'Club croissance',
				lon: 3.09,
				lat: 45.78,
				startsAt: '2027-01-08T08:00:00',
				stages: ['development']
			}
		]);
		const near = eventsNear(ctx.db, { stage: 'creation', lon: 3.087, lat: 45.777, km: 60 }, 5, NOW);
		expect(near.map((e) => [e.slug, e.startsAt.slice(0, 10), e.distanceKm])).toEqual([
			['pitch-thiers', '2027-03-04', 37],
			['atelier-clermont', '2027-04-01', 0],
			['webinaire-creation', '2027-01-20', null]
		]);
		expect(near[0]!.venueName).toBe('Halle de Thiers');
		expect(eventsNear(ctx.db, { stage: 'creation', lon: 3.087, lat: 45.777, km: 60 }, 1, NOW).map((e) => e.slug)).toEqual(['pitch-thiers']);
	});
});

describe('an event placed by a « a lieu à » relation (imported and older events)', () => {
	it('is held at that place: named, linked and on the map there, and listed on the place’s page', () => {
		const [mill] = createEntities(ctx.db, [
			{ slug: 'moulin-ambert', kind: 'third_place', category: 'coworking', name: 'Moulin d’Ambert', communeCode: '63113', lon: 3.74, lat: 45.55 }
		]);
		const [fair] = createEntities(ctx.db, [
			{ slug: 'foire-ambert', kind: 'event', category: 'meetup', name: 'Foire aux projets', startsAt: '2027-05-06T14:00:00', stages: ['emergence'] }
		]);
		createRelations(ctx.db, [{ type: 'takes_place_at', sourceId: fair!, targetId: mill!, source: 'https://example.org/foire' }], editor);
		const listed = page('stage=emergence')
			.weeks.flatMap((w) => w.events)
			.find((e) => e.slug === 'foire-ambert')!;
		expect(listed).toMatchObject({ venueSlug: 'moulin-ambert', venueName: 'Moulin d’Ambert', lon: 3.74, lat: 45.55 });
		expect(actorEvents(ctx.db, mill!, NOW).upcoming.map((e) => e.slug)).toEqual(['foire-ambert']);
	});
});

describe('who organises each listed date', () => {
	it('names the organisers and the partners (either end of « partenaire de »), published listings only', () => {
		const [partner, hidden] = createEntities(ctx.db, [
			{ slug: 'bpi-auvergne', kind: 'organisation', category: 'funder', name: 'Fonds des Volcans', communeCode: '63113' },
			{ slug: 'brouillon', kind: 'organisation', category: 'startup', name: 'Brouillon', communeCode: '63113', status: 'draft' }
		]);
		const forum = ctx.db.select({ id: entities.id }).from(entities).where(eq(entities.slug, 'forum')).get()!.id;
		createRelations(
			ctx.db,
			[
				{ type: 'partner_of', sourceId: forum, targetId: partner!, source: 'https://example.org' },
				{ type: 'organises', sourceId: hidden!, targetId: forum, source: 'https://example.org' }
			],
			editor
		);
		const listed = page()
			.weeks.flatMap((w) => w.events)
			.find((e) => e.slug === 'forum')!;
		expect(listed.organisers).toEqual([{ slug: 'la-cordee', name: 'La Cordée' }]);
		expect(listed.partners).toEqual([{ slug: 'bpi-auvergne', name: 'Fonds des Volcans' }]);
	});
});

describe('one actor’s agenda (organiser=)', () => {
	it('lists and subscribes to the events it hosts or organises, names it, and has nothing for an unknown address', () => {
		const slugs = (qs: string) => [...new Set(page(qs).weeks.flatMap((w) => w.events.map((e) => e.slug)))].sort();
		expect(slugs('organiser=la-cordee')).toEqual(['apero', 'forum']);
		expect(page('organiser=la-cordee').organiser).toMatchObject({ slug: 'la-cordee', name: 'La Cordée' });
		expect(page('organiser=la-cordee').filterKey).toBe('organiser=la-cordee');
		const uids = (qs: string) =>
			new ICAL.Component(ICAL.parse(agendaIcs(ctx.db, new URLSearchParams(qs), 'https://carto.example', NOW).body as string))
				.getAllSubcomponents('vevent')
				.map((v) => String(v.getFirstPropertyValue('uid')))
				.sort();
		expect(uids('organiser=la-cordee')).toEqual(['apero@connecteur-carto', 'forum@connecteur-carto']);
		expect(slugs('organiser=personne-inconnue')).toEqual([]);
		expect(page('organiser=personne-inconnue').organiser).toBeNull();
		expect(uids('organiser=personne-inconnue')).toEqual([]);
		expect(() => page('organiser=Pas%20une%20adresse')).toThrow(ValidationError);
	});
});
