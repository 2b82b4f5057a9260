import { and, eq, inArray, like, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db';
import {
	articles,
	stories,
	storyRevisions,
	storySteps,
	type ArticleRow,
	type StoryRevisionRow,
	type StoryRow,
	type StoryStepRow,
	entities,
	entityManagers,
	entitySlugRedirects,
	importJobs,
	pendingChanges,
	relations,
	revisions,
	users,
	type EntityRow,
	type ImportJobRow,
	type PendingChangeRow,
	type RelationRow,
	type RevisionRow
} from '../db/schema';
import { withMatchKeys } from './match-keys';

/** LIKE pattern matching `needle` anywhere, with LIKE's own wildcards taken literally. */
function containing(needle: string): string {
	return `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Any of the columns contains any of the needles (SQLite's LIKE ignores ASCII case, as a first sieve). */
function mentions(columns: Parameters<typeof like>[0][], needles: string[]): SQL | undefined {
	return or(...columns.flatMap((c) => needles.map((n) => sql`${c} like ${containing(n)} escape '\\'`)));
}

export function relationsTouching(db: Db, entityId: number): RelationRow[] {
	return db
		.select()
		.from(relations)
		.where(or(eq(relations.sourceId, entityId), eq(relations.targetId, entityId)))
		.all();
}

/** The other end of each relation, as the export names it (id, slug, name, kind). */
export function entitySummaries(db: Db, ids: number[]): { id: number; slug: string; name: string; kind: string }[] {
	if (ids.length === 0) return [];
	return db.select({ id: entities.id, slug: entities.slug, name: entities.name, kind: entities.kind }).from(entities).where(inArray(entities.id, ids)).all();
}

export function revisionRowsOf(db: Db, kind: 'entity' | 'relation', ids: number[]): RevisionRow[] {
	if (ids.length === 0) return [];
	return db
		.select()
		.from(revisions)
		.where(and(eq(revisions.subjectKind, kind), inArray(revisions.subjectId, ids)))
		.orderBy(revisions.subjectId, revisions.version)
		.all();
}

/** Revisions of other subjects whose snapshot, author or reason mentions one of the needles. */
export function revisionsMentioning(db: Db, needles: string[]): RevisionRow[] {
	const where = mentions([revisions.snapshot, revisions.reason, revisions.authorLabel], needles);
	return where ? db.select().from(revisions).where(where).orderBy(revisions.id).all() : [];
}

export function entitiesMentioning(db: Db, needles: string[], exceptId: number): EntityRow[] {
	const where = mentions([entities.name, entities.summary, entities.description, entities.website, entities.address, entities.email, entities.phone], needles);
	return where
		? db
				.select()
				.from(entities)
				.where(and(where, notInArray(entities.id, [exceptId])))
				.all()
		: [];
}

export function relationsMentioning(db: Db, needles: string[]): RelationRow[] {
	const where = mentions([relations.description, relations.source], needles);
	return where ? db.select().from(relations).where(where).all() : [];
}

/** Accounts that sign in with the same address (not removed with the person: an account is not an actor). */
export function accountsWithEmail(db: Db, email: string) {
	return db
		.select({ id: users.id, email: users.email, displayName: users.displayName, role: users.role, createdAt: users.createdAt, disabledAt: users.disabledAt })
		.from(users)
		.where(eq(users.email, email.trim().toLowerCase()))
		.all();
}

/** Rewrites a revision's text; refused by the append-only triggers outside withRevisionsUnlocked. */
export function rewriteRevisionText(db: Db, id: number, values: Pick<RevisionRow, 'snapshot' | 'reason' | 'authorLabel'>): void {
	db.update(revisions).set(values).where(eq(revisions.id, id)).run();
}

/**
 * Rewrites text in a soft-deleted row in place: the write path refuses to edit deleted rows, and their
 * revisions are scrubbed by the caller anyway. Derived columns are passed along with what they derive from.
 */
export function rewriteDeletedEntityText(db: Db, id: number, values: Partial<EntityRow>): void {
	if (Object.keys(values).length) db.update(entities).set(withMatchKeys(values)).where(eq(entities.id, id)).run();
}

export function rewriteDeletedRelationText(db: Db, id: number, values: Partial<RelationRow>): void {
	if (Object.keys(values).length) db.update(relations).set(values).where(eq(relations.id, id)).run();
}

export function deleteRelationRows(db: Db, ids: number[]): number {
	return ids.length ? db.delete(relations).where(inArray(relations.id, ids)).run().changes : 0;
}

/** Removes the row for good (the FTS trigger of drizzle/0001 removes its index row with it). */
export function deleteEntityRow(db: Db, id: number): number {
	return db.delete(entities).where(eq(entities.id, id)).run().changes;
}

/**
 * FTS5 deletes only add « deleted » markers to new segments: the erased words stay in the old ones
 * until they are merged. 'optimize' merges every segment into one, dropping what was deleted.
 */
export function mergeSearchIndex(db: Db): void {
	db.run(sql`insert into entities_fts(entities_fts) values ('optimize')`);
}

/**
 * Rewrites the whole file without free pages (VACUUM), and empties the write-ahead log before and after,
 * so no copy of an erased page survives in either file. Must run outside any transaction. False when
 * another connection's reader kept the log from being emptied (its old frames may still hold copies).
 */
export function compactDatabaseFile(db: Db): boolean {
	const checkpoint = () => (db.$client.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[])[0]?.busy === 0;
	checkpoint();
	db.run(sql`vacuum`);
	return checkpoint();
}

/** Contribution tables (drizzle/0008): who manages the listing, old slugs, changes waiting for review. */
export function managerLinks(db: Db, entityId: number) {
	return db.select().from(entityManagers).where(eq(entityManagers.entityId, entityId)).all();
}

export function slugRedirects(db: Db, entityId: number) {
	return db.select().from(entitySlugRedirects).where(eq(entitySlugRedirects.entityId, entityId)).all();
}

/** Pending changes about the person or one of their relations, or whose text quotes them. */
export function pendingChangesAbout(db: Db, entityId: number, relationIds: number[], needles: string[]): PendingChangeRow[] {
	const quoting = mentions([pendingChanges.payload, pendingChanges.authorLabel, pendingChanges.reviewComment], needles);
	const about = or(eq(pendingChanges.entityId, entityId), relationIds.length ? inArray(pendingChanges.relationId, relationIds) : undefined, quoting);
	return db.select().from(pendingChanges).where(about).orderBy(pendingChanges.id).all();
}

export function deletePersonLinks(db: Db, entityId: number, pendingIds: number[]): void {
	db.delete(entityManagers).where(eq(entityManagers.entityId, entityId)).run();
	db.delete(entitySlugRedirects).where(eq(entitySlugRedirects.entityId, entityId)).run();
	if (pendingIds.length) db.delete(pendingChanges).where(inArray(pendingChanges.id, pendingIds)).run();
}

export function rewritePendingChange(db: Db, id: number, values: Pick<PendingChangeRow, 'payload' | 'authorLabel' | 'reviewComment'>): void {
	db.update(pendingChanges).set(values).where(eq(pendingChanges.id, id)).run();
}

/** Every import job with its file: erasure looks for the person in what was uploaded, not only in what was written. */
export function importJobsWithFiles(db: Db): ImportJobRow[] {
	return db.select().from(importJobs).all();
}

export function rewriteImportJob(db: Db, id: number, values: Pick<ImportJobRow, 'fileContent' | 'fileSha256' | 'report' | 'geocodes'>): void {
	db.update(importJobs).set(values).where(eq(importJobs.id, id)).run();
}

// ---- issue 20: the press and the récits quote people too

const articleTexts = [articles.title, articles.excerpt, articles.bodyText, articles.author];

export function articlesMentioning(db: Db, needles: string[]): ArticleRow[] {
	const where = mentions(articleTexts, needles);
	return where ? db.select().from(articles).where(where).all() : [];
}

export function rewriteArticleText(db: Db, id: number, values: Partial<Pick<ArticleRow, 'title' | 'excerpt' | 'bodyText' | 'author'>>): void {
	if (Object.keys(values).length) db.update(articles).set(values).where(eq(articles.id, id)).run();
}

export function storiesMentioning(db: Db, needles: string[]): StoryRow[] {
	const where = mentions([stories.title, stories.subtitle, stories.author, stories.intro], needles);
	return where ? db.select().from(stories).where(where).all() : [];
}

export function rewriteStoryText(db: Db, id: number, values: Partial<Pick<StoryRow, 'title' | 'subtitle' | 'author' | 'intro'>>): void {
	if (Object.keys(values).length) db.update(stories).set(values).where(eq(stories.id, id)).run();
}

export function storyStepsMentioning(db: Db, needles: string[]): StoryStepRow[] {
	const where = mentions([storySteps.text, storySteps.view, storySteps.frozenData], needles);
	return where ? db.select().from(storySteps).where(where).all() : [];
}

export function rewriteStoryStep(db: Db, id: number, values: Partial<Pick<StoryStepRow, 'text' | 'view' | 'frozenData'>>): void {
	if (Object.keys(values).length) db.update(storySteps).set(values).where(eq(storySteps.id, id)).run();
}

/** Refused by the append-only triggers (drizzle/0029) outside withRevisionsUnlocked. */
export function storyRevisionsMentioning(db: Db, needles: string[]): StoryRevisionRow[] {
	const where = mentions([storyRevisions.snapshot, storyRevisions.reason, storyRevisions.authorLabel], needles);
	return where ? db.select().from(storyRevisions).where(where).all() : [];
}

export function rewriteStoryRevision(db: Db, id: number, values: Pick<StoryRevisionRow, 'snapshot' | 'reason' | 'authorLabel'>): void {
	db.update(storyRevisions).set(values).where(eq(storyRevisions.id, id)).run();
}
