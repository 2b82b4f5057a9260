import { and, asc, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { entities, eventFeedItems, eventFeeds, type EventFeedCounts, type EventFeedItemRow, type EventFeedRow, type EventFeedStatus } from '../db/schema';

/*
 * The partners' calendar feeds (issue 19) and what each UID became. Queries only: the rules are in
 * services/event-feeds.service.ts.
 */

export function insertFeed(db: Db, values: { entityId: number; url: string; moderated: boolean; createdBy: number | null }): number {
	return db.insert(eventFeeds).values(values).returning({ id: eventFeeds.id }).get().id;
}

export function feedById(db: Db, id: number): EventFeedRow | undefined {
	return db.select().from(eventFeeds).where(eq(eventFeeds.id, id)).get();
}

export function feedWithUrl(db: Db, entityId: number, url: string): EventFeedRow | undefined {
	return db
		.select()
		.from(eventFeeds)
		.where(and(eq(eventFeeds.entityId, entityId), eq(eventFeeds.url, url)))
		.get();
}

export interface FeedListRow extends EventFeedRow {
	ownerName: string;
	ownerSlug: string;
	ownerKind: string;
	ownerCategory: string;
}

const ownerColumns = { ownerName: entities.name, ownerSlug: entities.slug, ownerKind: entities.kind, ownerCategory: entities.category };

/** Every feed (editors), or those of these owners or registered by this user (partners); newest first. */
export function listFeedRows(db: Db, scope: { all: true } | { entityIds: number[]; userId: number }): FeedListRow[] {
	const where = 'all' in scope ? undefined : or(inArray(eventFeeds.entityId, scope.entityIds), eq(eventFeeds.createdBy, scope.userId));
	return db
		.select({ ...feedColumns(), ...ownerColumns })
		.from(eventFeeds)
		.innerJoin(entities, eq(entities.id, eventFeeds.entityId))
		.where(where)
		.orderBy(desc(eventFeeds.id))
		.all();
}

function feedColumns() {
	const { id, entityId, url, moderated, etag, lastModified, lastFetchedAt, lastStatus, lastError, lastCounts, lastProblems, createdBy, createdAt, active } =
		eventFeeds;
	return { id, entityId, url, moderated, etag, lastModified, lastFetchedAt, lastStatus, lastError, lastCounts, lastProblems, createdBy, createdAt, active };
}

/** Active feeds never fetched or last fetched before `before` (ISO), oldest first. */
export function dueFeedIds(db: Db, before: string): number[] {
	return db
		.select({ id: eventFeeds.id })
		.from(eventFeeds)
		.where(and(eq(eventFeeds.active, true), or(isNull(eventFeeds.lastFetchedAt), lt(eventFeeds.lastFetchedAt, before))))
		.orderBy(sql`${eventFeeds.lastFetchedAt} is not null`, asc(eventFeeds.lastFetchedAt), asc(eventFeeds.id))
		.all()
		.map((r) => r.id);
}

export interface FeedOutcome {
	fetchedAt: string;
	status: EventFeedStatus;
	error: string | null;
	counts?: EventFeedCounts | null;
	problems?: string[];
	etag?: string | null;
	lastModified?: string | null;
}

export function recordFeedOutcome(db: Db, id: number, o: FeedOutcome): void {
	const values: Partial<typeof eventFeeds.$inferInsert> = { lastFetchedAt: o.fetchedAt, lastStatus: o.status, lastError: o.error };
	if (o.counts !== undefined) values.lastCounts = o.counts;
	if (o.problems !== undefined) values.lastProblems = o.problems;
	if (o.etag !== undefined) values.etag = o.etag;
	if (o.lastModified !== undefined) values.lastModified = o.lastModified;
	db.update(eventFeeds).set(values).where(eq(eventFeeds.id, id)).run();
}

export function feedItems(db: Db, feedId: number): EventFeedItemRow[] {
	return db.select().from(eventFeedItems).where(eq(eventFeedItems.feedId, feedId)).all();
}

export interface FeedItemValues {
	feedId: number;
	uid: string;
	entityId: number;
	fingerprint: string;
	cancelled: boolean;
}

/** A poll's items in a few statements (one per 200), not one per event. */
export function upsertFeedItems(db: Db, rows: FeedItemValues[]): void {
	for (let i = 0; i < rows.length; i += 200) {
		db.insert(eventFeedItems)
			.values(rows.slice(i, i + 200))
			.onConflictDoUpdate({
				target: [eventFeedItems.feedId, eventFeedItems.uid],
				set: { entityId: sql`excluded.entity_id`, fingerprint: sql`excluded.fingerprint`, cancelled: sql`excluded.cancelled` }
			})
			.run();
	}
}

export function markFeedItemCancelled(db: Db, feedId: number, uid: string): void {
	db.update(eventFeedItems)
		.set({ cancelled: true })
		.where(and(eq(eventFeedItems.feedId, feedId), eq(eventFeedItems.uid, uid)))
		.run();
}

/** The events a feed brought, with what the page shows of them, soonest first. */
export function feedEventRows(db: Db, feedId: number) {
	return db
		.select({
			uid: eventFeedItems.uid,
			cancelled: eventFeedItems.cancelled,
			entityId: entities.id,
			name: entities.name,
			slug: entities.slug,
			status: entities.status,
			startsAt: entities.startsAt,
			recurrence: entities.recurrence
		})
		.from(eventFeedItems)
		.innerJoin(entities, eq(entities.id, eventFeedItems.entityId))
		.where(eq(eventFeedItems.feedId, feedId))
		.orderBy(asc(entities.startsAt), asc(entities.id))
		.all();
}

/** Live third-places by their compact name (match_name), to find an event's venue from its LOCATION. */
export function thirdPlacesByMatchName(db: Db, names: string[]) {
	if (names.length === 0) return [];
	return db
		.select({
			id: entities.id,
			matchName: entities.matchName,
			communeCode: entities.communeCode,
			lon: entities.lon,
			lat: entities.lat,
			coordPrecision: entities.coordPrecision
		})
		.from(entities)
		.where(
			and(eq(entities.kind, 'third_place'), inArray(entities.matchName, names), isNull(entities.deletedAt), inArray(entities.status, ['published', 'draft']))
		)
		.all();
}

/** Which of these slugs are taken already (500 per query). */
export function takenSlugs(db: Db, slugs: string[]): Set<string> {
	const taken = new Set<string>();
	for (let i = 0; i < slugs.length; i += 500) {
		for (const r of db
			.select({ slug: entities.slug })
			.from(entities)
			.where(inArray(entities.slug, slugs.slice(i, i + 500)))
			.all())
			taken.add(r.slug);
	}
	return taken;
}
