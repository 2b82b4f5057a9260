import { describe, expect, it } from 'vitest';
import { CAFE_UID, GOOGLE_UIDS, googleFeed, icsFile, OUTLOOK_UIDS, openAgendaFeed, outlookFeed, recurringFeed } from '../../../../tests/support/calendar-feeds';
import { MAX_FEED_EVENTS, readCalendar, type FeedEvent } from './ics-events';

const byUid = (events: FeedEvent[], uid: string) => {
	const event = events.find((e) => e.uid === uid);
	if (!event) throw new Error(`no event ${uid}`);
	return event;
};

/** A minimal calendar around some VEVENT lines. */
const calendar = (...lines: string[]) => icsFile(['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//Test//FR', ...lines, 'END:VCALENDAR']);
const vevent = (...lines: string[]) => ['BEGIN:VEVENT', 'DTSTAMP:20261201T000000Z', ...lines, 'END:VEVENT'];

describe('readCalendar: Google Calendar', () => {
	const { events, problems, complete } = readCalendar(googleFeed(1));

	it('reads every event without a problem', () => {
		expect(problems).toEqual([]);
		expect(complete).toBe(true);
		expect(events.map((e) => e.uid).sort()).toEqual(
			[GOOGLE_UIDS.apero, GOOGLE_UIDS.atelier, GOOGLE_UIDS.conference, GOOGLE_UIDS.salon, GOOGLE_UIDS.visite].sort()
		);
	});

	it('converts UTC times to Paris winter time', () => {
		const atelier = byUid(events, GOOGLE_UIDS.atelier);
		expect(atelier).toMatchObject({
			startsAt: '2027-02-10T14:30:00',
			endsAt: '2027-02-10T17:30:00',
			allDay: false,
			rrule: null,
			cancelled: false,
			sequence: 0
		});
		expect(atelier.description).toBe('Découverte de l’imprimante 3D de la Fabrique, sur inscription.\nPublic : porteurs de projet.');
		expect(atelier.location).toBe('La Fabrique, 12 Rue de la République, 15000 Aurillac, France');
		expect(atelier.url).toBeNull();
	});

	it('keeps Europe/Paris TZID times as they are, summer included', () => {
		const conference = byUid(events, GOOGLE_UIDS.conference);
		expect(conference).toMatchObject({ title: 'Conférence « Financer son projet »', startsAt: '2027-06-15T18:00:00', endsAt: '2027-06-15T20:00:00' });
	});

	it('ends a multi-day all-day event on its last day (DTEND is exclusive)', () => {
		const salon = byUid(events, GOOGLE_UIDS.salon);
		expect(salon).toMatchObject({ allDay: true, startsAt: '2027-09-23T00:00:00', endsAt: '2027-09-25T23:59:00', location: 'Polydome, Clermont-Ferrand' });
	});

	it('marks STATUS:CANCELLED', () => {
		expect(byUid(events, GOOGLE_UIDS.apero).cancelled).toBe(true);
		expect(byUid(events, GOOGLE_UIDS.visite).cancelled).toBe(false);
	});
});

describe('readCalendar: Outlook / Exchange', () => {
	const { events, problems } = readCalendar(outlookFeed());

	it('reads « Romance Standard Time » through its VTIMEZONE, winter and summer', () => {
		expect(problems).toEqual([]);
		expect(byUid(events, OUTLOOK_UIDS.winter)).toMatchObject({ startsAt: '2027-01-12T08:30:00', endsAt: '2027-01-12T10:00:00', description: '' });
		expect(byUid(events, OUTLOOK_UIDS.summer)).toMatchObject({ startsAt: '2027-06-15T14:00:00', endsAt: '2027-06-15T17:00:00', location: null });
	});

	it('places an « Eastern Standard Time » webinar in Paris time (New York already on summer time, Paris not yet)', () => {
		// 9:00 EDT (UTC−4) on 16 March 2027 is 13:00 UTC, 14:00 in Paris (UTC+1).
		expect(byUid(events, OUTLOOK_UIDS.webinar)).toMatchObject({ startsAt: '2027-03-16T14:00:00', endsAt: '2027-03-16T15:30:00' });
	});

	it('reads a one-day all-day event as that day', () => {
		expect(byUid(events, OUTLOOK_UIDS.allDay)).toMatchObject({ allDay: true, startsAt: '2027-05-08T00:00:00', endsAt: '2027-05-08T23:59:00' });
	});
});

describe('readCalendar: OpenAgenda (UTC)', () => {
	const { events, problems } = readCalendar(openAgendaFeed());

	it('converts UTC to Paris in summer (+2) and winter (+1), keeps the URL', () => {
		expect(problems).toEqual([]);
		expect(events).toHaveLength(2);
		expect(events[0]).toMatchObject({
			uid: 'openagenda-54712093-1@openagenda.com',
			title: 'Hackathon agricole',
			startsAt: '2027-07-04T10:00:00',
			endsAt: '2027-07-04T18:00:00',
			url: 'https://openagenda.com/innovation-auvergne/events/hackathon-agricole'
		});
		expect(events[1]).toMatchObject({ startsAt: '2027-12-05T10:00:00', endsAt: '2027-12-05T12:30:00', location: 'Hôtel de Région, Clermont-Ferrand' });
	});
});

describe('readCalendar: a monthly « premier jeudi » with exceptions, across the change to summer time', () => {
	const { events, problems } = readCalendar(recurringFeed());
	const cafe = byUid(events, CAFE_UID);

	it('is one event with its rule, UNTIL untouched', () => {
		expect(problems).toEqual([]);
		expect(events).toHaveLength(1);
		expect(cafe).toMatchObject({
			title: 'Café créateurs',
			startsAt: '2027-03-04T18:30:00',
			endsAt: '2027-03-04T20:30:00',
			rrule: 'FREQ=MONTHLY;UNTIL=20271231T225959Z;BYDAY=1TH',
			sequence: 3,
			cancelled: false
		});
	});

	it('keeps the EXDATE in Paris time', () => {
		expect(cafe.exdates).toEqual(['2027-05-06T18:30:00']);
	});

	it('collects the moved occurrence (written in UTC, after the change) and the cancelled one', () => {
		expect(cafe.overrides).toEqual([
			{
				recurrenceId: '2027-04-01T18:30:00',
				startsAt: '2027-04-02T09:00:00',
				endsAt: '2027-04-02T11:00:00',
				cancelled: false,
				title: 'Café créateurs (au petit matin)'
			},
			{ recurrenceId: '2027-06-03T18:30:00', startsAt: '2027-06-03T18:30:00', endsAt: '2027-06-03T20:30:00', cancelled: true, title: 'Café créateurs' }
		]);
	});
});

describe('readCalendar: time zones without VTIMEZONE', () => {
	it('reads an IANA TZID through Intl', () => {
		const { events, problems } = readCalendar(calendar(...vevent('UID:mtl', 'SUMMARY:Mission Québec', 'DTSTART;TZID=America/Montreal:20270120T090000')));
		expect(problems).toEqual([]);
		expect(events[0]).toMatchObject({ startsAt: '2027-01-20T15:00:00', endsAt: null });
	});

	it('reads a Windows name, an Outlook display name and an old prefixed TZID as Paris', () => {
		const { events, problems } = readCalendar(
			calendar(
				...vevent('UID:win', 'SUMMARY:A', 'DTSTART;TZID=Romance Standard Time:20270701T090000'),
				...vevent('UID:display', 'SUMMARY:B', 'DTSTART;TZID="(UTC+01:00) Bruxelles, Copenhague, Madrid, Paris":20270701T090000'),
				...vevent('UID:prefixed', 'SUMMARY:C', 'DTSTART;TZID=/freeassociation.sourceforge.net/Tzfile/Europe/London:20270701T090000')
			)
		);
		expect(problems).toEqual([]);
		expect(events.map((e) => e.startsAt)).toEqual(['2027-07-01T09:00:00', '2027-07-01T09:00:00', '2027-07-01T10:00:00']);
	});

	it('uses the file’s VTIMEZONE for Outlook’s « Customized Time Zone »', () => {
		const { events } = readCalendar(
			calendar(
				'BEGIN:VTIMEZONE',
				'TZID:Customized Time Zone',
				'BEGIN:STANDARD',
				'DTSTART:16010101T000000',
				'TZOFFSETFROM:-0300',
				'TZOFFSETTO:-0300',
				'END:STANDARD',
				'END:VTIMEZONE',
				...vevent('UID:custom', 'SUMMARY:Visio Cayenne', 'DTSTART;TZID=Customized Time Zone:20270115T100000', 'DURATION:PT1H30M')
			)
		);
		expect(events[0]).toMatchObject({ startsAt: '2027-01-15T14:00:00', endsAt: '2027-01-15T15:30:00' });
	});

	it('takes an unknown TZID and floating times as Paris, saying so once for the zone', () => {
		const { events, problems } = readCalendar(
			calendar(
				...vevent('UID:u1', 'SUMMARY:A', 'DTSTART;TZID=Heure de la Fabrique:20270701T090000'),
				...vevent('UID:u2', 'SUMMARY:B', 'DTSTART;TZID=Heure de la Fabrique:20270702T090000'),
				...vevent('UID:floating', 'SUMMARY:C', 'DTSTART:20270703T090000')
			)
		);
		expect(events.map((e) => e.startsAt)).toEqual(['2027-07-01T09:00:00', '2027-07-02T09:00:00', '2027-07-03T09:00:00']);
		expect(problems).toEqual(['Fuseau horaire inconnu «\u00a0Heure de la Fabrique\u00a0»\u00a0: ses heures sont lues comme heures de Paris.']);
	});
});

describe('readCalendar: line folding and malformed files', () => {
	it('unfolds CRLF-folded lines, a French character cut at the fold included', () => {
		const description = 'Une matinée pour présenter son projet à des entrepreneurs expérimentés, puis un déjeuner partagé au tiers-lieu.';
		const text = calendar(...vevent('UID:folded@example.org', 'SUMMARY:Matinée pitch', 'DTSTART:20270520T070000Z', `DESCRIPTION:${description}`));
		expect(text).toMatch(/\r\n /);
		expect(readCalendar(text).events[0]?.description).toBe(description);
	});

	it('reads LF-only files and strips a byte order mark', () => {
		const text = '\uFEFF' + calendar(...vevent('UID:lf', 'SUMMARY:LF', 'DTSTART:20270520T070000Z')).replace(/\r\n/g, '\n');
		expect(readCalendar(text).events[0]).toMatchObject({ uid: 'lf', startsAt: '2027-05-20T09:00:00' });
	});

	it('says why it skips events without UID or DTSTART, and keeps the others', () => {
		const { events, problems } = readCalendar(
			calendar(
				...vevent('SUMMARY:Réunion mystère', 'DTSTART:20270520T070000Z'),
				...vevent('UID:nostart', 'SUMMARY:Sans date'),
				...vevent('UID:ok', 'SUMMARY:Bon', 'DTSTART:20270520T070000Z')
			)
		);
		expect(events.map((e) => e.uid)).toEqual(['ok']);
		expect(problems).toEqual(['Événement sans UID ignoré («\u00a0Réunion mystère\u00a0»).', 'Événement sans date de début ignoré («\u00a0Sans date\u00a0»).']);
	});

	it('skips an event whose date cannot be read', () => {
		const { events, problems } = readCalendar(
			calendar(...vevent('UID:bad', 'SUMMARY:Date cassée', 'DTSTART:2027-05'), ...vevent('UID:ok', 'SUMMARY:Bon', 'DTSTART:20270520'))
		);
		expect(events.map((e) => e.uid)).toEqual(['ok']);
		// A bare 8-digit DTSTART (no VALUE=DATE), common in hand-made files, is a day.
		expect(events[0]).toMatchObject({ allDay: true, startsAt: '2027-05-20T00:00:00', endsAt: '2027-05-20T23:59:00' });
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatch(/^Événement illisible ignoré \(«\u00a0Date cassée\u00a0»\)\u00a0: /);
	});

	it('drops lines that are not content lines and reads the rest', () => {
		const text = calendar(...vevent('UID:ok', 'SUMMARY:Bon', 'DTSTART:20270520T070000Z', 'ceci n’est pas une ligne iCalendar'));
		const { events, problems, complete } = readCalendar(text);
		expect(events.map((e) => e.uid)).toEqual(['ok']);
		expect(problems).toEqual(['1 ligne illisible ignorée.']);
		expect(complete).toBe(true);
	});

	it.each([
		['plain text', 'garbage'],
		['an HTML page', '<!doctype html><html><body>Connexion requise</body></html>'],
		['an empty file', ''],
		['a cut download', 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:20270520T070000Z\r\n'],
		['a vCard', 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jeanne\r\nEND:VCARD\r\n']
	])('never throws on %s, and says the file is unreadable', (_name, text) => {
		const reading = readCalendar(text);
		expect(reading.events).toEqual([]);
		expect(reading.complete).toBe(false);
		expect(reading.problems).toHaveLength(1);
		expect(reading.problems[0]).toMatch(/^Fichier iCalendar illisible\u00a0: /);
	});

	it('keeps the latest SEQUENCE of a duplicated UID and says so', () => {
		const { events, problems } = readCalendar(
			calendar(
				...vevent('UID:dup', 'SEQUENCE:2', 'SUMMARY:Nouveau titre', 'DTSTART:20270520T070000Z'),
				...vevent('UID:dup', 'SEQUENCE:1', 'SUMMARY:Ancien titre', 'DTSTART:20270520T070000Z')
			)
		);
		expect(events).toHaveLength(1);
		expect(events[0]?.title).toBe('Nouveau titre');
		expect(problems).toHaveLength(1);
	});

	it('keeps an occurrence published without its series as an event of its own', () => {
		const { events } = readCalendar(
			calendar(...vevent('UID:series@google.com', 'RECURRENCE-ID:20270401T163000Z', 'SUMMARY:Invitation', 'DTSTART:20270401T163000Z'))
		);
		expect(events).toEqual([
			expect.objectContaining({ uid: 'series@google.com#2027-04-01T18:30:00', title: 'Invitation', startsAt: '2027-04-01T18:30:00', rrule: null })
		]);
	});

	it(`stops at ${MAX_FEED_EVENTS} events and marks the reading incomplete`, () => {
		const many = Array.from({ length: MAX_FEED_EVENTS + 3 }, (_, i) => vevent(`UID:e${i}`, `SUMMARY:E${i}`, 'DTSTART:20270520T070000Z')).flat();
		const { events, problems, complete } = readCalendar(calendar(...many));
		expect(events).toHaveLength(MAX_FEED_EVENTS);
		expect(complete).toBe(false);
		expect(problems).toEqual([`Plus de ${MAX_FEED_EVENTS} événements dans le fichier\u00a0: seuls les ${MAX_FEED_EVENTS} premiers sont lus.`]);
	});
});
