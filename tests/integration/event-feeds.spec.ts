/**
 * Issue 19, « feeds in »: a partner's public calendar polled into the agenda on a real SQLite file built by the
 * migrations, against a fake calendar publisher on 127.0.0.1 (the only place `allowPrivateAddresses` is set).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { and, eq } from 'drizzle-orm';
import { freshDb, insertSmallTerritories } from './fresh-db';
import { startFakeCalendarServer, type FakeCalendarServer } from '../support/fake-calendar-server';
import { CAFE_UID, icsFile, recurringFeed, windows1252Feed } from '../support/calendar-feeds';
import { createEntities } from '../../src/lib/server/services/entity-write.service';
import { feedPage, listFeeds, pollDueFeeds, pollFeed, pollFeedNow, registerFeed } from '../../src/lib/server/services/event-feeds.service';
import { nextEvents } from '../../src/lib/server/services/agenda.service';
import { approvePendingChange, moderationQueue } from '../../src/lib/server/services/moderation.service';
import { ForbiddenError, ValidationError } from '../../src/lib/server/services/errors';
import { insertUser } from '../../src/lib/server/repos/user.repo';
import { insertManager } from '../../src/lib/server/repos/contribution.repo';
import { entities, eventFeeds, relations, revisions } from '../../src/lib/server/db/schema';
import type { AccountUser } from '../../src/lib/server/services/users.service';

let ctx: ReturnType<typeof freshDb>;
let server: FakeCalendarServer;
const NOW = new Date('2026-12-07T09:00:00Z');
const later = (hours: number) => new Date(NOW.getTime() + hours * 3600_000);
const TEST = { fetch: { allowPrivateAddresses: true, timeoutMs: 1500 } };
let editor: AccountUser;
let partner: AccountUser;
let ownerId = 0;
let otherId = 0;
let venueId = 0;

const vevent = (uid: string, title: string, start: string, more: string[] = []) => [
	'BEGIN:VEVENT',
	`UID:${uid}`,
	'DTSTAMP:20261201T080000Z',
	`DTSTART;TZID=Europe/Paris:${start}`,
	`SUMMARY:${title}`,
	...more,
	'END:VEVENT'
];
const calendar = (...events: string[][]) => icsFile(['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//Feeds//FR', ...events.flat(), 'END:VCALENDAR']);

const pitch = (start = '20270115T180000') =>
	vevent('pitch@fab', 'Soirée pitch', start, ['LOCATION:La Cordée, 12 rue Gaultier de Biauzat, Clermont-Ferrand', 'DESCRIPTION:Cinq projets en cinq minutes.']);
const atelier = vevent('atelier@fab', 'Atelier impression 3D', '20270120T140000', ['URL:https://fablab.example/atelier']);
const webinaire = vevent('webinaire@fab', 'Webinaire financement', '20270122T120000', ['LOCATION:https://visio.example/salle']);

const eventBySlugPrefix = (prefix: string) =>
	ctx.db
		.select()
		.from(entities)
		.all()
		.filter((e) => e.slug.startsWith(prefix));
const feedRow = (id: number) => ctx.db.select().from(eventFeeds).where(eq(eventFeeds.id, id)).get()!;

beforeAll(async () => {
	ctx = freshDb();
	insertSmallTerritories(ctx.db);
	server = await startFakeCalendarServer();
	[ownerId, otherId, venueId] = createEntities(ctx.db, [
		{ slug: 'fab-63', kind: 'organisation', category: 'association', name: 'Fab 63', communeCode: '63113' },
		{ slug: 'autre', kind: 'organisation', category: 'association', name: 'Une autre structure', communeCode: '63113' },
		{ slug: 'la-cordee', kind: 'third_place', category: 'coworking', name: 'La Cordée', communeCode: '63113', lon: 3.08, lat: 45.78, coordPrecision: 'address' }
	]) as [number, number, number];
	editor = {
		id: insertUser(ctx.db, { email: 'redac@example.org', displayName: 'Rédaction', role: 'editor' }),
		email: 'redac@example.org',
		displayName: 'Rédaction',
		role: 'editor'
	};
	const partnerId = insertUser(ctx.db, { email: 'fab@example.org', displayName: 'Camille (Fab 63)', role: 'partner' });
	partner = { id: partnerId, email: 'fab@example.org', displayName: 'Camille (Fab 63)', role: 'partner' };
	insertManager(ctx.db, ownerId, partnerId, editor.id);
});

afterAll(async () => {
	await server?.close();
	ctx?.close();
});

describe('registering a feed', () => {
	it('refuses a listing the partner does not manage', () => {
		expect(() => registerFeed(ctx.db, partner, { owner: otherId, url: server.url('/x.ics') }, TEST)).toThrow(ForbiddenError);
	});

	it('refuses private addresses in French, unless the test option allows them', () => {
		for (const url of ['http://10.0.0.1/x.ics', 'http://localhost:8080/agenda.ics', 'http://192.168.1.2/cal.ics', 'ftp://example.org/a.ics']) {
			expect(() => registerFeed(ctx.db, editor, { owner: ownerId, url })).toThrow(ValidationError);
		}
		try {
			registerFeed(ctx.db, editor, { owner: ownerId, url: 'http://10.0.0.1/x.ics' });
		} catch (e) {
			expect((e as ValidationError).issues.join(' ')).toMatch(/Adresse privée refusée/);
		}
	});

	it('accepts a public address as is, webcal:// written as https://', () => {
		const id = registerFeed(ctx.db, editor, { owner: otherId, url: 'webcal://calendar.example.org/public/basic.ics' });
		expect(feedRow(id)).toMatchObject({ url: 'https://calendar.example.org/public/basic.ics', moderated: false });
		ctx.db.update(eventFeeds).set({ active: false }).where(eq(eventFeeds.id, id)).run();
	});

	it('refuses at poll time a private address registered anyway', async () => {
		const id = registerFeed(ctx.db, editor, { owner: otherId, url: server.url('/private.ics') }, TEST);
		server.setFeed('/private.ics', calendar(pitch()));
		const outcome = await pollFeed(ctx.db, id, NOW);
		expect(outcome.status).toBe('error');
		expect(feedRow(id).lastError).toMatch(/Adresse privée refusée/);
		expect(eventBySlugPrefix('soiree-pitch')).toHaveLength(0);
		ctx.db.update(eventFeeds).set({ active: false }).where(eq(eventFeeds.id, id)).run();
	});
});

describe('polling a partner’s calendar', () => {
	let feedId = 0;

	it('creates the events, published, organised by the owner, at the matching third-place', async () => {
		server.setFeed('/fab.ics', calendar(pitch(), atelier, webinaire), { etag: '"v1"', lastModified: 'Tue, 01 Dec 2026 10:00:00 GMT' });
		feedId = registerFeed(ctx.db, partner, { owner: ownerId, url: server.url('/fab.ics') }, TEST);
		// A partner still moderated has its feed moderated: this one is switched to direct publication first.
		ctx.db.update(eventFeeds).set({ moderated: false }).where(eq(eventFeeds.id, feedId)).run();
		const summary = await pollDueFeeds(ctx.db, NOW, TEST);
		expect(summary.counts.created).toBe(3);
		const [soiree] = eventBySlugPrefix('soiree-pitch');
		expect(soiree).toMatchObject({ kind: 'event', status: 'published', name: 'Soirée pitch', startsAt: '2027-01-15T18:00:00', venueId, communeCode: '63113' });
		const organised = ctx.db
			.select()
			.from(relations)
			.where(and(eq(relations.targetId, soiree!.id), eq(relations.type, 'organises')))
			.all();
		expect(organised.map((r) => r.sourceId)).toEqual([ownerId]);
		expect(eventBySlugPrefix('atelier-impression')[0]).toMatchObject({ website: 'https://fablab.example/atelier', venueId: null });
		expect(eventBySlugPrefix('webinaire')[0]).toMatchObject({ attendance: 'online', address: null });
		const history = ctx.db
			.select()
			.from(revisions)
			.where(and(eq(revisions.subjectKind, 'entity'), eq(revisions.subjectId, soiree!.id)))
			.all();
		expect(history.some((r) => r.authorLabel === 'Agenda de Fab 63')).toBe(true);
		expect(feedRow(feedId)).toMatchObject({ lastStatus: 'ok', lastError: null, etag: '"v1"' });
	});

	it('a second poll with the same ETag is a conditional GET answered 304 and changes nothing', async () => {
		const before = ctx.db.select().from(revisions).all().length;
		server.requests.length = 0;
		const outcome = await pollFeed(ctx.db, feedId, later(1), TEST);
		expect(outcome.status).toBe('not_modified');
		expect(server.requests[0]?.headers['if-none-match']).toBe('"v1"');
		expect(server.requests[0]?.headers['if-modified-since']).toBe('Tue, 01 Dec 2026 10:00:00 GMT');
		expect(ctx.db.select().from(revisions).all().length).toBe(before);
		expect(feedRow(feedId).lastCounts).toEqual({ created: 0, updated: 0, cancelled: 0, unchanged: 3 });
	});

	it('updates a moved event (the history records it) and archives removed or cancelled ones', async () => {
		const cancelledAtelier = atelier.map((l) => (l === 'END:VEVENT' ? 'STATUS:CANCELLED\r\nEND:VEVENT' : l)).flatMap((l) => l.split('\r\n'));
		server.setFeed('/fab.ics', calendar(pitch('20270116T190000'), cancelledAtelier), { etag: '"v2"' });
		const outcome = await pollFeed(ctx.db, feedId, later(2), TEST);
		expect(outcome.counts).toMatchObject({ created: 0, updated: 1, cancelled: 2 });
		const [soiree] = eventBySlugPrefix('soiree-pitch');
		expect(soiree).toMatchObject({ startsAt: '2027-01-16T19:00:00', version: 2, status: 'published' });
		const history = ctx.db
			.select()
			.from(revisions)
			.where(and(eq(revisions.subjectKind, 'entity'), eq(revisions.subjectId, soiree!.id)))
			.all();
		expect(history.map((r) => r.operation)).toEqual(['create', 'update']);
		expect(eventBySlugPrefix('atelier-impression')[0]!.status).toBe('archived');
		expect(eventBySlugPrefix('webinaire')[0]!.status).toBe('archived');
		expect(eventBySlugPrefix('webinaire')[0]!.deletedAt).toBeNull();
		const page = feedPage(ctx.db, partner, feedId);
		expect(
			page.events
				.filter((e) => e.cancelled)
				.map((e) => e.name)
				.sort()
		).toEqual(['Atelier impression 3D', 'Webinaire financement']);
		expect(listFeeds(ctx.db, partner).map((f) => f.id)).toContain(feedId);
		// « Relever maintenant » right after a poll is refused, and a stranger may not press it.
		await expect(pollFeedNow(ctx.db, partner, feedId, later(2), TEST)).rejects.toThrow(/vient d’être relevé/);
		const stranger = { id: 999, email: 'x@example.org', displayName: 'X', role: 'partner' as const };
		await expect(pollFeedNow(ctx.db, stranger, feedId, later(3), TEST)).rejects.toThrow(ForbiddenError);
		expect((await pollFeedNow(ctx.db, partner, feedId, later(3), TEST)).status).toBe('not_modified');
	});

	it('keeps a recurring event’s rule and skipped days, and the agenda lists its dates', async () => {
		server.setFeed('/cafe.ics', recurringFeed());
		const id = registerFeed(ctx.db, editor, { owner: ownerId, url: server.url('/cafe.ics') }, TEST);
		await pollFeed(ctx.db, id, NOW, TEST);
		const [cafe] = eventBySlugPrefix('cafe-createurs');
		expect(cafe).toMatchObject({ recurrence: 'FREQ=MONTHLY;UNTIL=20271231T225959Z;BYDAY=1TH', status: 'published' });
		expect(cafe!.recurrenceExceptions).toEqual(['2027-05-06', '2027-06-03']);
		const upcoming = nextEvents(ctx.db, 50, NOW).filter((o) => o.slug === cafe!.slug);
		expect(upcoming.map((o) => o.startsAt.slice(0, 10))).toContain('2027-03-04');
		expect(upcoming.map((o) => o.startsAt.slice(0, 10))).not.toContain('2027-05-06');
		expect(feedPage(ctx.db, editor, id).events.map((e) => e.uid)).toEqual([CAFE_UID]);
	});

	it('a moderated feed’s new event waits in the moderation queue, not in public', async () => {
		server.setFeed('/moderated.ics', calendar(vevent('hack@fab', 'Hackathon santé', '20270210T090000')));
		const id = registerFeed(ctx.db, partner, { owner: ownerId, url: server.url('/moderated.ics'), moderated: true }, TEST);
		await pollFeed(ctx.db, id, NOW, TEST);
		const [hack] = eventBySlugPrefix('hackathon-sante');
		expect(hack!.status).toBe('draft');
		expect(nextEvents(ctx.db, 100, NOW).some((o) => o.slug === hack!.slug)).toBe(false);
		const queued = moderationQueue(ctx.db, editor).filter((q) => q.entity?.id === hack!.id);
		expect(queued).toHaveLength(1);
		expect(queued[0]!.authorLabel).toBe('Agenda de Fab 63');
		// Moved while it waits: the proposal follows the new version, and the editor's approval publishes it.
		server.setFeed('/moderated.ics', calendar(vevent('hack@fab', 'Hackathon santé', '20270211T090000')));
		expect((await pollFeed(ctx.db, id, later(1), TEST)).counts.updated).toBe(1);
		approvePendingChange(ctx.db, editor, queued[0]!.id);
		expect(ctx.db.select().from(entities).where(eq(entities.id, hack!.id)).get()).toMatchObject({ status: 'published', startsAt: '2027-02-11T09:00:00' });
		expect(nextEvents(ctx.db, 100, NOW).some((o) => o.slug === hack!.slug)).toBe(true);
	});

	it('skips an event the app cannot keep, says why on the feed’s page, and keeps the others', async () => {
		server.setFeed(
			'/mixed.ics',
			calendar(vevent('ok@mixed', 'Rencontre mixte', '20270301T100000'), vevent('bad@mixed', 'Lien cassé', '20270302T100000', ['URL:https://exemple .org/a b']))
		);
		const id = registerFeed(ctx.db, editor, { owner: otherId, url: server.url('/mixed.ics') }, TEST);
		expect((await pollFeed(ctx.db, id, NOW, TEST)).counts.created).toBe(1);
		expect(eventBySlugPrefix('rencontre-mixte')).toHaveLength(1);
		expect(feedPage(ctx.db, editor, id).problems.join(' ')).toMatch(/«\u00a0Lien cassé\u00a0» ignoré/);
	});

	it('reads a windows-1252 calendar’s accents right', async () => {
		server.setFeed('/mairie.ics', iconv.encode(windows1252Feed(), 'win1252'), { contentType: 'text/calendar' });
		const id = registerFeed(ctx.db, editor, { owner: otherId, url: server.url('/mairie.ics') }, TEST);
		await pollFeed(ctx.db, id, NOW, TEST);
		const [cafe] = eventBySlugPrefix('cafe-createurs-2027-03-18');
		expect(cafe).toMatchObject({ name: '« Café créateurs »', description: 'Entrée : 5 € – café offert', address: 'Salle des fêtes' });
	});
});

describe('a feed that fails', () => {
	it('keeps a French last_error and changes nothing for a 500, a timeout or a page that is not a calendar', async () => {
		server.setFeed('/flaky.ics', calendar(vevent('flaky@x', 'Rencontre flaky', '20270301T100000')), { etag: '"f1"' });
		const id = registerFeed(ctx.db, editor, { owner: otherId, url: server.url('/flaky.ics') }, TEST);
		await pollFeed(ctx.db, id, NOW, TEST);
		const [flaky] = eventBySlugPrefix('rencontre-flaky');
		const count = () => ctx.db.select().from(revisions).all().length;
		const before = count();
		const cases: [Parameters<FakeCalendarServer['setFeed']>, RegExp][] = [
			[['/flaky.ics', 'oops', { status: 500 }], /Le serveur a répondu 500/],
			[['/flaky.ics', calendar(), { delayMs: 3000 }], /Pas de réponse complète/],
			[['/flaky.ics', '<html><body>Bienvenue</body></html>', { contentType: 'text/html' }], /n’est pas un calendrier/]
		];
		for (const [feed, message] of cases) {
			server.setFeed(...feed);
			const outcome = await pollFeed(ctx.db, id, later(3), TEST);
			expect(outcome.status).toBe('error');
			expect(feedRow(id).lastError).toMatch(message);
			expect(feedRow(id).etag).toBe('"f1"');
		}
		expect(count()).toBe(before);
		expect(ctx.db.select().from(entities).where(eq(entities.id, flaky!.id)).get()!.status).toBe('published');
	});
});
