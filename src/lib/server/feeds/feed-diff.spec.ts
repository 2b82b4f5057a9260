import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOOGLE_UIDS, googleFeed } from '../../../../tests/support/calendar-feeds';
import { startFakeCalendarServer, type FakeCalendarServer } from '../../../../tests/support/fake-calendar-server';
import { fetchCalendar } from './calendar-fetch';
import { diffFeed, eventFingerprint, type StoredFeedEvent } from './feed-diff';
import { readCalendar, type FeedEvent } from './ics-events';

async function poll(server: FakeCalendarServer): Promise<FeedEvent[]> {
	const result = await fetchCalendar(server.url('/fabrique.ics'), {}, { allowPrivateAddresses: true });
	if (result.status !== 'ok') throw new Error(JSON.stringify(result));
	return readCalendar(result.text).events;
}

const stored = (events: FeedEvent[]): StoredFeedEvent[] => events.map((e) => ({ uid: e.uid, fingerprint: eventFingerprint(e), cancelled: e.cancelled }));

describe('diffFeed across two versions of a Google feed served by the fake server', () => {
	let server: FakeCalendarServer;
	beforeAll(async () => {
		server = await startFakeCalendarServer();
	});
	afterAll(() => server.close());

	it('creates, updates, cancels and leaves alone by UID', async () => {
		server.setFeed('/fabrique.ics', googleFeed(1));
		const first = diffFeed([], await poll(server));
		// The apéro is already cancelled in the feed: nothing to create.
		expect(first.created.map((e) => e.uid).sort()).toEqual([GOOGLE_UIDS.atelier, GOOGLE_UIDS.conference, GOOGLE_UIDS.salon, GOOGLE_UIDS.visite].sort());
		expect(first).toMatchObject({ updated: [], cancelled: [], unchanged: [] });

		server.setFeed('/fabrique.ics', googleFeed(2));
		const second = diffFeed(stored(first.created), await poll(server));
		expect(second.created.map((e) => e.uid)).toEqual([GOOGLE_UIDS.permanence]);
		expect(second.updated).toEqual([expect.objectContaining({ uid: GOOGLE_UIDS.conference, startsAt: '2027-06-15T18:30:00', sequence: 1 })]);
		// The fair is gone from the feed, the visit is now published as cancelled.
		expect(second.cancelled.sort()).toEqual([GOOGLE_UIDS.salon, GOOGLE_UIDS.visite].sort());
		// The workshop was only re-saved (new DTSTAMP and SEQUENCE).
		expect(second.unchanged).toEqual([GOOGLE_UIDS.atelier]);
	});
});

const event = (uid: string, fields: Partial<FeedEvent> = {}): FeedEvent => ({
	uid,
	title: `Événement ${uid}`,
	description: '',
	startsAt: '2027-03-04T18:30:00',
	endsAt: null,
	allDay: false,
	rrule: null,
	exdates: [],
	location: null,
	url: null,
	cancelled: false,
	sequence: 0,
	overrides: [],
	...fields
});

describe('diffFeed rules', () => {
	it('leaves an event cancelled in the feed and already cancelled in the app alone', () => {
		const e = event('a', { cancelled: true });
		expect(diffFeed([{ uid: 'a', fingerprint: 'old', cancelled: true }], [e])).toEqual({ created: [], updated: [], cancelled: [], unchanged: ['a'] });
	});

	it('revives a cancelled event published again, even with the fingerprint it had', () => {
		const e = event('a');
		expect(diffFeed([{ uid: 'a', fingerprint: eventFingerprint(e), cancelled: true }], [e]).updated).toEqual([e]);
	});

	it('does not cancel missing events when told the reading was incomplete', () => {
		const diff = diffFeed([{ uid: 'gone', fingerprint: 'x', cancelled: false }], [], { cancelMissing: false });
		expect(diff.cancelled).toEqual([]);
		expect(diffFeed([{ uid: 'gone', fingerprint: 'x', cancelled: false }], []).cancelled).toEqual(['gone']);
	});

	it('does not cancel twice an event already cancelled and still absent', () => {
		expect(diffFeed([{ uid: 'gone', fingerprint: 'x', cancelled: true }], [])).toEqual({ created: [], updated: [], cancelled: [], unchanged: [] });
	});
});

describe('eventFingerprint', () => {
	it('is a sha256 in hex, stable, blind to SEQUENCE and to the order of exceptions', () => {
		const override = (day: string) => ({
			recurrenceId: `2027-0${day}T18:30:00`,
			startsAt: `2027-0${day}T19:00:00`,
			endsAt: null,
			cancelled: false,
			title: 'x'
		});
		const a = event('a', { exdates: ['2027-05-06T18:30:00', '2027-06-03T18:30:00'], overrides: [override('4-01'), override('7-01')] });
		const b = event('a', { exdates: ['2027-06-03T18:30:00', '2027-05-06T18:30:00'], overrides: [override('7-01'), override('4-01')], sequence: 7 });
		expect(eventFingerprint(a)).toMatch(/^[0-9a-f]{64}$/);
		expect(eventFingerprint(b)).toBe(eventFingerprint(a));
	});

	it.each<[string, Partial<FeedEvent>]>([
		['title', { title: 'Autre' }],
		['description', { description: 'Nouveau' }],
		['start', { startsAt: '2027-03-04T19:00:00' }],
		['end', { endsAt: '2027-03-04T20:00:00' }],
		['all day', { allDay: true }],
		['rule', { rrule: 'FREQ=MONTHLY;BYDAY=1TH' }],
		['exceptions', { exdates: ['2027-05-06T18:30:00'] }],
		['place', { location: 'Aurillac' }],
		['link', { url: 'https://example.org' }],
		['status', { cancelled: true }],
		['moved occurrence', { overrides: [{ recurrenceId: '2027-04-01T18:30:00', startsAt: '2027-04-02T09:00:00', endsAt: null, cancelled: false, title: 'x' }] }]
	])('changes with the %s', (_name, change) => {
		expect(eventFingerprint(event('a', change))).not.toBe(eventFingerprint(event('a')));
	});
});
