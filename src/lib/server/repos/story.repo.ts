import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { entities, stories, storyActors, storyRevisions, storySteps, type NewStoryRevision, type StoryRow, type StoryStatus } from '../db/schema';
import { visible } from './entity.repo';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

export function storyById(db: Db, id: number): StoryRow | undefined {
	return db
		.select()
		.from(stories)
		.where(and(eq(stories.id, id), isNull(stories.deletedAt)))
		.get();
}

export function storyBySlug(db: Db, slug: string): StoryRow | undefined {
	return db
		.select()
		.from(stories)
		.where(and(eq(stories.slug, slug), isNull(stories.deletedAt)))
		.get();
}

export function slugTakenByStory(db: Db, slug: string): boolean {
	return db.select({ id: stories.id }).from(stories).where(eq(stories.slug, slug)).get() !== undefined;
}

export function insertStory(db: Db, values: typeof stories.$inferInsert): number {
	return db.insert(stories).values(values).returning({ id: stories.id }).get().id;
}

/** Writes the new fields and bumps the version; false when someone saved in between (`expectedVersion` is old). */
export function updateStoryRow(db: Db, id: number, values: Partial<typeof stories.$inferInsert>, expectedVersion: number): boolean {
	return (
		db
			.update(stories)
			.set({ ...values, version: sql`${stories.version} + 1`, updatedAt: now })
			.where(and(eq(stories.id, id), eq(stories.version, expectedVersion), isNull(stories.deletedAt)))
			.run().changes === 1
	);
}

export function stepsOf(db: Db, storyId: number) {
	return db.select().from(storySteps).where(eq(storySteps.storyId, storyId)).orderBy(asc(storySteps.position), asc(storySteps.id)).all();
}

/** Replaces the steps (a récit has a dozen: rewriting them keeps positions dense and the history simple). */
export function replaceSteps(db: Db, storyId: number, steps: { text: string; view: string; frozenData: string | null }[]): void {
	db.delete(storySteps).where(eq(storySteps.storyId, storyId)).run();
	if (steps.length)
		db.insert(storySteps)
			.values(steps.map((s, position) => ({ storyId, position, ...s })))
			.run();
}

export function setFeaturedActors(db: Db, storyId: number, entityIds: number[]): void {
	db.delete(storyActors).where(eq(storyActors.storyId, storyId)).run();
	const unique = [...new Set(entityIds)];
	if (unique.length)
		db.insert(storyActors)
			.values(unique.map((entityId) => ({ storyId, entityId })))
			.onConflictDoNothing()
			.run();
}

export function insertStoryRevision(db: Db, values: NewStoryRevision): void {
	db.insert(storyRevisions).values(values).run();
}

export function storyRevisionsOf(db: Db, storyId: number) {
	return db
		.select({
			id: storyRevisions.id,
			version: storyRevisions.version,
			authorLabel: storyRevisions.authorLabel,
			reason: storyRevisions.reason,
			createdAt: storyRevisions.createdAt
		})
		.from(storyRevisions)
		.where(eq(storyRevisions.storyId, storyId))
		.orderBy(desc(storyRevisions.version))
		.all();
}

export function storyRevision(db: Db, storyId: number, version: number) {
	return db
		.select()
		.from(storyRevisions)
		.where(and(eq(storyRevisions.storyId, storyId), eq(storyRevisions.version, version)))
		.get();
}

const storyListColumns = {
	id: stories.id,
	slug: stories.slug,
	title: stories.title,
	subtitle: stories.subtitle,
	author: stories.author,
	coverUrl: stories.coverUrl,
	status: stories.status,
	frozenAt: stories.frozenAt,
	publishedAt: stories.publishedAt,
	updatedAt: stories.updatedAt,
	isDemo: stories.isDemo,
	// Named in full: a one-table select's `${stories.id}` would be written `"id"`, read as s.id inside the subquery.
	steps: sql<number>`(select count(*) from ${storySteps} s where s.story_id = "stories"."id")`
};

/**
 * Récits of the given states: published ones the latest first (the index); `workFirst`, the ones being written
 * first, the latest edited on top (where « Ajouter au récit » most likely goes).
 */
export function listStories(db: Db, statuses: StoryStatus[], workFirst = false) {
	const order = workFirst
		? [sql`${stories.status} = 'published'`, desc(stories.updatedAt)]
		: [sql`${stories.publishedAt} is null`, desc(stories.publishedAt), desc(stories.updatedAt)];
	return db
		.select(storyListColumns)
		.from(stories)
		.where(and(isNull(stories.deletedAt), inArray(stories.status, statuses)))
		.orderBy(...order)
		.all();
}

/** The published récits featuring an actor. */
export function storiesOfEntity(db: Db, entityId: number) {
	return db
		.select({ slug: stories.slug, title: stories.title, subtitle: stories.subtitle, publishedAt: stories.publishedAt })
		.from(storyActors)
		.innerJoin(stories, eq(stories.id, storyActors.storyId))
		.where(and(eq(storyActors.entityId, entityId), eq(stories.status, 'published'), isNull(stories.deletedAt)))
		.orderBy(desc(stories.publishedAt))
		.all();
}

/** Ids of the visible listings among slugs or ids as a view's address names them. */
export function entityIdsByRefs(db: Db, refs: string[]): number[] {
	const ids = refs.filter((r) => /^\d+$/.test(r)).map(Number);
	const slugs = refs.filter((r) => !/^\d+$/.test(r));
	if (!ids.length && !slugs.length) return [];
	const byId = ids.length ? inArray(entities.id, ids) : sql`0`;
	const bySlug = slugs.length ? inArray(entities.slug, slugs) : sql`0`;
	return db
		.select({ id: entities.id })
		.from(entities)
		.where(and(visible(), sql`(${byId} or ${bySlug})`))
		.all()
		.map((r) => r.id);
}

export function featuredActors(db: Db, storyId: number) {
	return db
		.select({ id: entities.id, slug: entities.slug, name: entities.name, kind: entities.kind })
		.from(storyActors)
		.innerJoin(entities, eq(entities.id, storyActors.entityId))
		.where(and(eq(storyActors.storyId, storyId), visible()))
		.orderBy(entities.name)
		.all();
}
