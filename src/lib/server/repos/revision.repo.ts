import { and, desc, eq, gt, inArray, or, sql } from 'drizzle-orm';
import type { RevisionOperation, RevisionSubjectKind } from '$lib/history/revision';
import type { Db } from '../db';
import { entities, meta, relations, revisions } from '../db/schema';
import { visible } from './entity.repo';

export interface RevisionValues {
	subjectKind: RevisionSubjectKind;
	subjectId: number;
	version: number;
	operation: RevisionOperation;
	/** The snapshot, already JSON (the caller serialises once, whatever the number of rows). */
	snapshot: string;
	authorUserId: number | null;
	authorLabel: string;
	reason: string;
}

export interface RevisionRecord extends Omit<RevisionValues, 'snapshot'> {
	id: number;
	createdAt: string;
	snapshot: Record<string, unknown>;
}

const parse = (r: typeof revisions.$inferSelect): RevisionRecord => ({ ...r, snapshot: JSON.parse(r.snapshot) as Record<string, unknown> });

export function insertRevision(db: Db, values: RevisionValues): number {
	return db.insert(revisions).values(values).returning({ id: revisions.id }).get().id;
}

/**
 * One prepared INSERT for many revisions (bulk creates, seeds): built once, run once per row inside the
 * caller's transaction, so 60,000 revisions cost no more SQL building than one.
 */
export function revisionInserter(db: Db): (values: RevisionValues) => number {
	const p = (name: keyof RevisionValues) => sql.placeholder(name);
	const statement = db
		.insert(revisions)
		.values({
			subjectKind: p('subjectKind'),
			subjectId: p('subjectId'),
			version: p('version'),
			operation: p('operation'),
			snapshot: p('snapshot'),
			authorUserId: p('authorUserId'),
			authorLabel: p('authorLabel'),
			reason: p('reason')
		})
		.prepare();
	return (values) => Number(statement.run({ ...values }).lastInsertRowid);
}

/** Revisions by id, parsed, in one query per 500 ids (undoing an import reads thousands). */
export function revisionsByIds(db: Db, ids: number[]): Map<number, RevisionRecord> {
	const found = new Map<number, RevisionRecord>();
	for (let i = 0; i < ids.length; i += 500) {
		for (const row of db
			.select()
			.from(revisions)
			.where(inArray(revisions.id, ids.slice(i, i + 500)))
			.all())
			found.set(row.id, parse(row));
	}
	return found;
}

/** The id of each entity's revision at the given version, for many entities in one query per 500. */
export function entityRevisionIdsAt(db: Db, versions: Map<number, number>): Map<number, number> {
	const ids = [...versions.keys()];
	const found = new Map<number, number>();
	for (let i = 0; i < ids.length; i += 500) {
		const rows = db
			.select({ id: revisions.id, subjectId: revisions.subjectId, version: revisions.version })
			.from(revisions)
			.where(and(eq(revisions.subjectKind, 'entity'), inArray(revisions.subjectId, ids.slice(i, i + 500))))
			.all();
		for (const r of rows) if (versions.get(r.subjectId) === r.version) found.set(r.subjectId, r.id);
	}
	return found;
}

/** A subject's revisions, newest first. */
export function revisionsOf(db: Db, kind: RevisionSubjectKind, id: number): RevisionRecord[] {
	return db
		.select()
		.from(revisions)
		.where(and(eq(revisions.subjectKind, kind), eq(revisions.subjectId, id)))
		.orderBy(desc(revisions.version))
		.all()
		.map(parse);
}

export function revisionById(db: Db, id: number): RevisionRecord | undefined {
	const row = db.select().from(revisions).where(eq(revisions.id, id)).get();
	return row && parse(row);
}

export function revisionAtVersion(db: Db, kind: RevisionSubjectKind, id: number, version: number): RevisionRecord | undefined {
	const row = db
		.select()
		.from(revisions)
		.where(and(eq(revisions.subjectKind, kind), eq(revisions.subjectId, id), eq(revisions.version, version)))
		.get();
	return row && parse(row);
}

/** What was written after `version` (what a stale save ran into), oldest first. */
export function revisionsAfter(db: Db, kind: RevisionSubjectKind, id: number, version: number): RevisionRecord[] {
	return db
		.select()
		.from(revisions)
		.where(and(eq(revisions.subjectKind, kind), eq(revisions.subjectId, id), gt(revisions.version, version)))
		.orderBy(revisions.version)
		.all()
		.map(parse);
}

/** Revisions of every relation that touches an entity (deleted ones included: their history stays). */
export function relationRevisionsTouching(db: Db, entityId: number): RevisionRecord[] {
	const ids = db
		.select({ id: relations.id })
		.from(relations)
		.where(or(eq(relations.sourceId, entityId), eq(relations.targetId, entityId)))
		.all()
		.map((r) => r.id);
	if (ids.length === 0) return [];
	const found: RevisionRecord[] = [];
	// SQLite caps bound parameters; chunk large lookups.
	for (let i = 0; i < ids.length; i += 500) {
		const rows = db
			.select()
			.from(revisions)
			.where(and(eq(revisions.subjectKind, 'relation'), inArray(revisions.subjectId, ids.slice(i, i + 500))))
			.all();
		found.push(...rows.map(parse));
	}
	return found;
}

const UNLOCK_KEY = 'revisions_unlocked';

/**
 * The only way to change or remove revisions (the GDPR erasure, wiping a demo database): opens the
 * append-only triggers of drizzle/0005 for the length of one transaction, and closes them again before
 * it commits. A throw rolls everything back, the flag included. Callers decide who may do this.
 */
export function withRevisionsUnlocked<T>(db: Db, work: (tx: Db) => T): T {
	return db.transaction((tx) => {
		const writer = tx as unknown as Db;
		writer
			.insert(meta)
			.values({ key: UNLOCK_KEY, value: 1 })
			.onConflictDoUpdate({ target: meta.key, set: { value: 1 } })
			.run();
		const result = work(writer);
		writer.update(meta).set({ value: 0 }).where(eq(meta.key, UNLOCK_KEY)).run();
		return result;
	});
}

/** Removes every revision of the given subjects; refused by the triggers outside withRevisionsUnlocked. */
export function deleteRevisionsOf(db: Db, kind: RevisionSubjectKind, ids?: number[]): number {
	if (!ids) return db.delete(revisions).where(eq(revisions.subjectKind, kind)).run().changes;
	let removed = 0;
	for (let i = 0; i < ids.length; i += 500) {
		removed += db
			.delete(revisions)
			.where(and(eq(revisions.subjectKind, kind), inArray(revisions.subjectId, ids.slice(i, i + 500))))
			.run().changes;
	}
	return removed;
}

/** Names the history shows for actors it mentions; `visibleOnly` leaves out deleted and unpublished ones. */
export function entityNames(db: Db, ids: number[], visibleOnly: boolean): Map<number, { slug: string; name: string; kind: string; category: string }> {
	const names = new Map<number, { slug: string; name: string; kind: string; category: string }>();
	for (let i = 0; i < ids.length; i += 500) {
		const chunk = inArray(entities.id, ids.slice(i, i + 500));
		const rows = db
			.select({ id: entities.id, slug: entities.slug, name: entities.name, kind: entities.kind, category: entities.category })
			.from(entities)
			.where(visibleOnly ? and(chunk, visible()) : chunk)
			.all();
		for (const r of rows) names.set(r.id, { slug: r.slug, name: r.name, kind: r.kind, category: r.category });
	}
	return names;
}
