import { isIP } from 'node:net';
import { z } from 'zod';
import { entityInputSchema, type EntityInput } from '$lib/domain/entity.schema';
import { NBSP } from '$lib/domain/french/typography';
import { slugify } from '$lib/domain/slug';
import type { Actor } from '$lib/history/revision';
import type { Db } from '../db';
import type { EventFeedCounts, EventFeedRow } from '../db/schema';
import { recurrenceProblem } from '../agenda/occurrences';
import { calendarUrl, fetchCalendar, type FetchCalendarOptions } from '../feeds/calendar-fetch';
import { diffFeed, eventFingerprint } from '../feeds/feed-diff';
import { readCalendar, type FeedEvent } from '../feeds/ics-events';
import { isPrivateAddress } from '../feeds/private-address';
import { compactName } from '../import/duplicates';
import { insertPendingChange, managedEntityIds, rebasePendingEntityUpdates, userModerated } from '../repos/contribution.repo';
import { entityRow, liveEntityRows, slugTaken } from '../repos/entity-write.repo';
import {
	dueFeedIds,
	feedById,
	feedEventRows,
	feedItems,
	feedWithUrl,
	insertFeed,
	listFeedRows,
	markFeedItemCancelled,
	recordFeedOutcome,
	takenSlugs,
	thirdPlacesByMatchName,
	upsertFeedItems,
	type FeedItemValues
} from '../repos/event-feeds.repo';
import { createEntities, createRelations, updateEntities, type EntityEdit } from './entity-write.service';
import { ForbiddenError, NotFoundError, ValidationError } from './errors';
import { listingId, type ListingRef } from './listing-picker.service';
import { canManage, isEditor, managedEntity } from './managers.service';
import { writeTransaction } from './revision-write';
import type { AccountUser } from './users.service';
import { withPreposition, type Nameable } from '$lib/domain/french';
import { organiserChoices } from './event-posting.service';
import { m } from '$lib/paraglide/messages';

/*
 * « Feeds in » (issue 19): a partner gives its public calendar's address once, and the `feeds` job (or the
 * « Relever maintenant » button) reads it: new events are created as the owner's (it « organises » them), moved
 * ones updated, removed or cancelled ones archived, never deleted, all through the one write path so the history
 * says « Agenda de … ». The download is async and fenced (feeds/calendar-fetch.ts); each feed's writes are one
 * short transaction. A fetch or read failure is kept as a French sentence for the feed's page and changes nothing.
 */

export interface FeedOptions {
	/** Tests only: the fake calendar server listens on 127.0.0.1. Production never sets it. */
	fetch?: FetchCalendarOptions;
}

/** A feed is polled again once its last poll is this old (the job runs every hour). */
export const FEED_INTERVAL_MS = 50 * 60 * 1000;
/** « Relever maintenant » waits this long after any poll of the same feed. */
const POLL_NOW_GAP_MS = 60_000;
/** Downloads at once in one round of pollDueFeeds: the writes stay one feed at a time. */
const CONCURRENT_FETCHES = 4;

const quoted = (text: string) => `«${NBSP}${text}${NBSP}»`;

export const registerFeedSchema = z.object({
	url: z
		.string()
		.trim()
		.min(1, { error: () => m.feeds_error_url_required() })
		.max(2000, { error: () => m.feeds_error_url_too_long() }),
	moderated: z.boolean().default(false)
});

/** Refused at once, before any download: a name or a literal address that can only be the private network. */
function privateHostProblem(url: URL): string | null {
	const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
	if (host === 'localhost' || /\.(localhost|local|internal|lan|home\.arpa)$/.test(host) || (isIP(host) !== 0 && isPrivateAddress(host))) {
		return m.feeds_error_private({ host });
	}
	return null;
}

function allowsPrivate(options: FeedOptions): boolean {
	return options.fetch?.allowPrivateAddresses === true;
}

/** The feed's address, checked and written the way it will be fetched (webcal:// becomes https://). */
export function checkedFeedUrl(text: string, options: FeedOptions = {}): string {
	const url = calendarUrl(text);
	if (!(url instanceof URL)) throw new ValidationError([url.detail]);
	if (!allowsPrivate(options)) {
		const problem = privateHostProblem(url);
		if (problem) throw new ValidationError([problem]);
	}
	return url.href;
}

export interface RegisterFeedInput {
	owner: ListingRef;
	url: string;
	moderated?: boolean;
}

/** An editor registers a feed for any listing, a partner for a listing they manage. Returns the feed's id. */
export function registerFeed(db: Db, user: AccountUser, input: RegisterFeedInput, options: FeedOptions = {}): number {
	const parsed = registerFeedSchema.safeParse({ url: input.url, moderated: input.moderated ?? false });
	if (!parsed.success) throw new ValidationError(parsed.error.issues.map((i) => i.message));
	const ownerId = listingId(db, user, input.owner, { scope: 'live' });
	const owner = managedEntity(db, user, ownerId);
	if (owner.kind === 'event') throw new ValidationError([m.feeds_error_owner_event()]);
	const url = checkedFeedUrl(parsed.data.url, options);
	if (feedWithUrl(db, owner.id, url)) throw new ValidationError([m.feeds_error_duplicate({ owner: owner.name })]);
	// A partner whose changes wait for an editor cannot publish through a feed either.
	const moderated = parsed.data.moderated || (!isEditor(user) && userModerated(db, user.id));
	return insertFeed(db, { entityId: owner.id, url, moderated, createdBy: user.id });
}

/** Whose agenda the form may add: editors pick any listing (a picker), a partner one of the structures they manage. */
export function feedOwnerChoices(db: Db, user: AccountUser): { anyListing: boolean; owners: { id: number; name: string }[] } {
	if (isEditor(user)) return { anyListing: true, owners: [] };
	// The same listings as an event's organiser: those the partner manages, events aside.
	return { anyListing: false, owners: organiserChoices(db, user) };
}

export type FeedSummary = ReturnType<typeof listFeeds>[number];

/** The feeds this person sees: all of them for editors, those of the listings they manage otherwise. */
/** « de la Couveuse de Clermont-Ferrand », « de l'Incubateur des Dômes » (French-phrasing module): the French pages' « Agenda … ». */
const ofOwner = (owner: Nameable) => withPreposition('de', owner);

export function listFeeds(db: Db, user: AccountUser) {
	const rows = isEditor(user) ? listFeedRows(db, { all: true }) : listFeedRows(db, { entityIds: managedEntityIds(db, user.id), userId: user.id });
	return rows.map((r) => ({
		id: r.id,
		url: r.url,
		owner: { id: r.entityId, name: r.ownerName, slug: r.ownerSlug, of: ofOwner({ name: r.ownerName, kind: r.ownerKind, category: r.ownerCategory }) },
		moderated: r.moderated,
		lastFetchedAt: r.lastFetchedAt,
		lastStatus: r.lastStatus,
		lastError: r.lastError,
		counts: r.lastCounts,
		active: r.active
	}));
}

function visibleFeed(db: Db, user: AccountUser, feedId: number): EventFeedRow {
	const feed = Number.isInteger(feedId) ? feedById(db, feedId) : undefined;
	if (!feed) throw new NotFoundError(m.feeds_error_not_found({ id: feedId }));
	if (!canManage(db, user, feed.entityId) && feed.createdBy !== user.id) throw new ForbiddenError(m.feeds_error_forbidden());
	return feed;
}

/** One feed's page: where it comes from, its last poll, and the events it brought (cancelled ones marked). */
export function feedPage(db: Db, user: AccountUser, feedId: number) {
	const feed = visibleFeed(db, user, feedId);
	const owner = entityRow(db, feed.entityId);
	return {
		id: feed.id,
		url: feed.url,
		owner: owner ? { id: owner.id, name: owner.name, slug: owner.slug, of: ofOwner(owner) } : null,
		moderated: feed.moderated,
		active: feed.active,
		lastFetchedAt: feed.lastFetchedAt,
		lastStatus: feed.lastStatus,
		lastError: feed.lastError,
		counts: feed.lastCounts,
		problems: feed.lastProblems,
		events: feedEventRows(db, feed.id)
	};
}

/** « Relever maintenant »: the same poll as the job's, for someone allowed to see the feed. */
export async function pollFeedNow(db: Db, user: AccountUser, feedId: number, now = new Date(), options: FeedOptions = {}): Promise<PollOutcome> {
	const feed = visibleFeed(db, user, feedId);
	// The button must not let anyone hammer a partner's server through ours.
	if (feed.lastFetchedAt && now.getTime() - Date.parse(feed.lastFetchedAt) < POLL_NOW_GAP_MS) throw new ValidationError([m.feeds_error_too_soon()]);
	return pollFeed(db, feedId, now, options);
}

export interface PollOutcome {
	feedId: number;
	status: 'ok' | 'not_modified' | 'error';
	error: string | null;
	counts: EventFeedCounts;
}

const NO_COUNTS: EventFeedCounts = { created: 0, updated: 0, cancelled: 0, unchanged: 0 };

/** Downloads one feed and writes what changed. Never throws for what the partner's server or file did. */
export async function pollFeed(db: Db, feedId: number, now = new Date(), options: FeedOptions = {}): Promise<PollOutcome> {
	const feed = feedById(db, feedId);
	if (!feed) throw new NotFoundError(m.feeds_error_not_found({ id: feedId }));
	const fetchedAt = now.toISOString();
	const failed = (error: string): PollOutcome => {
		recordFeedOutcome(db, feed.id, { fetchedAt, status: 'error', error, counts: NO_COUNTS });
		return { feedId, status: 'error', error, counts: NO_COUNTS };
	};
	let fetched;
	try {
		fetched = await fetchCalendar(feed.url, { etag: feed.etag, lastModified: feed.lastModified }, options.fetch);
	} catch (e) {
		return failed(`Erreur inattendue au téléchargement${NBSP}: ${e instanceof Error ? e.message : String(e)}`);
	}
	if (fetched.status === 'error') return failed(fetched.detail);
	if (fetched.status === 'not-modified') {
		const counts = { ...NO_COUNTS, unchanged: feedItems(db, feed.id).filter((i) => !i.cancelled).length };
		recordFeedOutcome(db, feed.id, { fetchedAt, status: 'not_modified', error: null, counts });
		return { feedId, status: 'not_modified', error: null, counts };
	}
	// Parsing and writing one feed at a time: downloads run side by side, but their work on the event loop must
	// not pile up in one turn (four feeds' chunks queued together would hold the server four times as long).
	return oneAtATime(async () => {
		const reading = readCalendar(fetched.text);
		if (!reading.complete && reading.events.length === 0) {
			return failed(`Calendrier illisible${NBSP}: ${reading.problems[0] ?? 'aucun événement lisible.'}`);
		}
		try {
			const { counts, problems } = await applyFeed(db, feed, reading.events, reading.complete);
			recordFeedOutcome(db, feed.id, {
				fetchedAt,
				status: 'ok',
				error: null,
				counts,
				problems: [...reading.problems, ...problems].slice(0, 50),
				etag: fetched.etag,
				lastModified: fetched.lastModified
			});
			return { feedId, status: 'ok', error: null, counts };
		} catch (e) {
			const why = e instanceof ValidationError ? e.issues.join(' ') : e instanceof Error ? e.message : String(e);
			return failed(`Les événements n’ont pas pu être enregistrés${NBSP}: ${why}`);
		}
	});
}

/** The feed being parsed and written, if any: the next one waits for it (see pollFeed). */
let busy: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
	const turn = busy.then(work, work);
	busy = turn.catch(() => undefined);
	return turn;
}

export interface DuePollSummary {
	polled: number;
	errors: number;
	counts: EventFeedCounts;
}

/** Every active feed not polled for FEED_INTERVAL_MS (never polled first), a few downloads at a time. */
export async function pollDueFeeds(db: Db, now = new Date(), options: FeedOptions = {}): Promise<DuePollSummary> {
	const ids = dueFeedIds(db, new Date(now.getTime() - FEED_INTERVAL_MS).toISOString());
	const summary: DuePollSummary = { polled: 0, errors: 0, counts: { ...NO_COUNTS } };
	let next = 0;
	const worker = async () => {
		while (next < ids.length) {
			const id = ids[next++] as number;
			const o = await pollFeed(db, id, now, options);
			summary.polled++;
			if (o.status === 'error') summary.errors++;
			for (const k of Object.keys(NO_COUNTS) as (keyof EventFeedCounts)[]) summary.counts[k] += o.counts[k];
		}
	};
	await Promise.all(Array.from({ length: Math.min(CONCURRENT_FETCHES, ids.length) }, worker));
	return summary;
}

// ---------------------------------------------------------------------------------------------------
// From the calendar's events to the app's

interface Venue {
	id: number;
	communeCode: string | null;
	lon: number | null;
	lat: number | null;
	coordPrecision: 'address' | 'commune' | 'manual' | null;
}

const isWebAddress = (text: string | null) => !!text && /^https?:\/\/\S+$/i.test(text.trim());

/** « Le Grand Café, Place de l'Hôtel de Ville, Saint-Flour »: the whole text, then its first part. */
function locationNames(location: string | null): string[] {
	if (!location || isWebAddress(location)) return [];
	const names = [location, location.split(/[,\n]/)[0] ?? ''].map(compactName).filter((n) => n.length >= 3);
	return [...new Set(names)];
}

function venuesFor(db: Db, events: FeedEvent[]): (location: string | null) => Venue | null {
	const rows = thirdPlacesByMatchName(db, [...new Set(events.flatMap((e) => locationNames(e.location)))]);
	const byName = new Map<string, Venue[]>();
	for (const r of rows) byName.set(r.matchName ?? '', [...(byName.get(r.matchName ?? '') ?? []), r]);
	return (location) => {
		for (const name of locationNames(location)) {
			const found = byName.get(name) ?? [];
			// Two third-places of that name: the event's place is not known for sure, none is chosen.
			if (found.length === 1) return found[0] as Venue;
		}
		return null;
	};
}

const CATEGORY_WORDS: [RegExp, string][] = [
	[/hackathon/i, 'hackathon'],
	[/conf[ée]rence|table ronde|colloque/i, 'conference'],
	[/formation|atelier|webinaire|webinar|masterclass/i, 'training'],
	[/pitch|concours|challenge|troph[ée]e/i, 'pitch']
];
const categoryOf = (title: string) => CATEGORY_WORDS.find(([re]) => re.test(title))?.[1] ?? 'meetup';

const webAddress = (text: string | null) => (text && /^https?:\/\//i.test(text.trim()) && text.trim().length <= 300 ? text.trim() : null);

/** What the app keeps of a calendar event (no slug, no status: those depend on whether it is new). */
function eventFields(e: FeedEvent, venue: Venue | null, problems: string[]): Omit<EntityInput, 'slug' | 'status'> {
	const name = (e.title.trim() || 'Événement sans titre').slice(0, 200);
	let recurrence = e.rrule;
	const problem = recurrence ? recurrenceProblem(recurrence) : null;
	if (recurrence && problem) {
		problems.push(`${quoted(name)}${NBSP}: ${problem}${NBSP}; l’événement est gardé sans répétition.`);
		recurrence = null;
	}
	const skipped = recurrence
		? [...e.exdates.map((d) => d.slice(0, 10)), ...e.overrides.filter((o) => o.cancelled).map((o) => o.recurrenceId.slice(0, 10))]
		: [];
	const online = isWebAddress(e.location);
	const endsAt = e.endsAt && e.endsAt >= e.startsAt ? e.endsAt : null;
	const place = venue
		? {
				venueId: venue.id,
				communeCode: venue.communeCode,
				lon: venue.lon,
				lat: venue.lat,
				coordPrecision: venue.coordPrecision ?? (venue.lon != null ? 'commune' : null)
			}
		: { venueId: null, address: online || !e.location ? null : e.location.trim().slice(0, 300) };
	return {
		kind: 'event',
		category: categoryOf(name),
		name,
		description: e.description.slice(0, 20_000),
		website: webAddress(e.url),
		startsAt: e.startsAt,
		endsAt,
		recurrence,
		recurrenceExceptions: [...new Set(skipped)].sort().slice(0, 200),
		attendance: online ? 'online' : null,
		registrationUrl: online ? webAddress(e.location) : null,
		...place
	};
}

interface Applied {
	counts: EventFeedCounts;
	problems: string[];
}

/** Events written per transaction: a first poll of 200 new events must not hold the server for a quarter of a second. */
const FEED_CHUNK = 50;
/** Lets the server answer the requests that came in meanwhile (timers and I/O run before the next chunk). */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The feed's changes, in transactions of FEED_CHUNK events with a turn of the event loop between them: creations,
 * then updates and archivings, each chunk with its UIDs' fingerprints (a poll stopped half-way leaves every stored
 * event with the fingerprint of what was written: the next poll finishes the job).
 */
async function applyFeed(db: Db, feed: EventFeedRow, events: FeedEvent[], complete: boolean): Promise<Applied> {
	const problems: string[] = [];
	const owner = entityRow(db, feed.entityId);
	if (!owner || owner.deletedAt) throw new ValidationError(['la structure à qui appartient cet agenda n’existe plus.']);
	const actor: Actor = { userId: feed.createdBy, label: `Agenda ${ofOwner(owner)}` };
	const reason = `Relevé de l’agenda ${feed.url}`.slice(0, 500);
	const stored = feedItems(db, feed.id);
	const storedByUid = new Map(stored.map((s) => [s.uid, s]));
	const diff = diffFeed(stored, events, { cancelMissing: complete });
	const venueOf = venuesFor(db, [...diff.created, ...diff.updated]);
	const counts: EventFeedCounts = { created: 0, updated: 0, cancelled: 0, unchanged: diff.unchanged.length };
	// The file was just parsed: the first write waits for the next turn.
	await nextTurn();

	for (let start = 0; start < diff.created.length; start += FEED_CHUNK) {
		const chunk = diff.created.slice(start, start + FEED_CHUNK);
		writeTransaction(db, (tx) => {
			// New events in one batch; when one is unusable, each is checked alone, so it is reported and skipped, not the file.
			const bases = chunk.map((event) => eventFields(event, venueOf(event.location), problems));
			const slugs = freeEventSlugs(
				tx,
				bases.map((b, i) => slugBase(b.name, (chunk[i] as FeedEvent).startsAt))
			);
			let creations = chunk.map((event, i) => ({
				event,
				input: { ...bases[i], slug: slugs[i], status: feed.moderated ? 'draft' : 'published' } as EntityInput
			}));
			let ids: number[];
			try {
				ids = createEntities(
					tx,
					creations.map((c) => c.input),
					{ actor, reason }
				);
			} catch (e) {
				if (!(e instanceof ValidationError)) throw e;
				creations = creations.filter(({ input }) => {
					const parsed = entityInputSchema.safeParse(input);
					if (!parsed.success) problems.push(`${quoted(input.name)} ignoré${NBSP}: ${parsed.error.issues.map((i) => i.message).join(' ; ')}`);
					return parsed.success;
				});
				ids = createEntities(
					tx,
					creations.map((c) => c.input),
					{ actor, reason }
				);
			}
			createRelations(
				tx,
				ids.map((id) => ({ type: 'organises' as const, sourceId: owner.id, targetId: id, source: feed.url.slice(0, 500) })),
				{ actor, reason }
			);
			if (feed.moderated) for (const id of ids) queuePublication(tx, id, 1, actor);
			counts.created += ids.length;
			upsertFeedItems(
				tx,
				creations.map(({ event }, i) => ({
					feedId: feed.id,
					uid: event.uid,
					entityId: ids[i] as number,
					fingerprint: eventFingerprint(event),
					cancelled: false
				}))
			);
		});
		await nextTurn();
	}

	// Changed, and cancelled or gone: the stored events, edited in batches from the versions read now.
	const changes = [...diff.updated.map((event) => ({ event, uid: event.uid })), ...diff.cancelled.map((uid) => ({ event: null, uid }))];
	for (let start = 0; start < changes.length; start += FEED_CHUNK) {
		const chunk = changes.slice(start, start + FEED_CHUNK);
		writeTransaction(db, (tx) => {
			const rows = new Map(
				liveEntityRows(
					tx,
					chunk.map((c) => storedByUid.get(c.uid)?.entityId).filter((id): id is number => id !== undefined)
				).map((r) => [r.id, r])
			);
			const items: FeedItemValues[] = [];
			const edits: EntityEdit[] = [];
			const afterEdit: (() => void)[] = [];
			for (const { event, uid } of chunk) {
				const item = storedByUid.get(uid);
				const row = item ? rows.get(item.entityId) : undefined;
				if (!event) {
					if (row && row.status !== 'archived') {
						edits.push({ id: row.id, expectedVersion: row.version, patch: { status: 'archived' } });
						counts.cancelled++;
					}
					afterEdit.push(() => markFeedItemCancelled(tx, feed.id, uid));
					continue;
				}
				if (!item || !row) continue;
				const patch: Partial<EntityInput> = eventFields(event, venueOf(event.location), problems);
				// Back in the feed after being cancelled: live again (waiting for an editor again on a moderated feed).
				const revived = item.cancelled && row.status === 'archived';
				if (revived) patch.status = feed.moderated ? 'draft' : 'published';
				const parsed = entityInputSchema.safeParse({ slug: row.slug, status: row.status, ...patch });
				if (!parsed.success) {
					problems.push(`${quoted(row.name)} non mis à jour${NBSP}: ${parsed.error.issues.map((i) => i.message).join(' ; ')}`);
					continue;
				}
				edits.push({ id: row.id, expectedVersion: row.version, patch });
				afterEdit.push(() => {
					items.push({ feedId: feed.id, uid: event.uid, entityId: row.id, fingerprint: eventFingerprint(event), cancelled: false });
					if (revived && feed.moderated) queuePublication(tx, row.id, row.version + 1, actor);
					else rebasePendingEntityUpdates(tx, row.id, row.version, row.version + 1);
				});
			}
			const results = updateEntities(tx, edits, { actor, reason });
			counts.updated += results.filter((r, i) => r.revisionId !== null && edits[i]?.patch.status !== 'archived').length;
			for (const after of afterEdit) after();
			upsertFeedItems(tx, items);
		});
		await nextTurn();
	}
	return { counts, problems };
}

/** « cafe-createurs-2027-03-04 »: readable, and rarely taken even when a partner repeats titles. */
const slugBase = (name: string, startsAt: string) => `${(slugify(name) || 'evenement').slice(0, 90).replace(/-+$/, '')}-${startsAt.slice(0, 10)}`;

/** A free slug per base (« …-2 », « …-3 » after the first), the taken ones read in one query. */
function freeEventSlugs(db: Db, bases: string[]): string[] {
	const taken = takenSlugs(db, [...new Set(bases)]);
	const reserved = new Set<string>();
	return bases.map((base) => {
		let slug = base;
		for (let i = 2; reserved.has(slug) || taken.has(slug) || (slug !== base && slugTaken(db, slug)); i++) slug = `${base}-${i}`;
		reserved.add(slug);
		return slug;
	});
}

/** A moderated feed's new event waits as a draft; the editors' queue holds its publication, as for a partner's edit. */
function queuePublication(db: Db, entityId: number, baseVersion: number, actor: Actor): void {
	insertPendingChange(db, {
		kind: 'entity_update',
		entityId,
		baseVersion,
		payload: { status: 'published' },
		authorUserId: actor.userId,
		authorLabel: actor.label
	});
}
