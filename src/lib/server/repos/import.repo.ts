import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { entities, importJobs, territories, type ImportChanges, type ImportJobRow } from '../db/schema';

/** Every commune with what the importer matches on (code, name, postcodes) and its centre. */
export function communesForImport(db: Db) {
	return db
		.select({
			code: territories.code,
			name: territories.name,
			departementCode: territories.departementCode,
			postalCodes: territories.postalCodes,
			centroidLon: territories.centroidLon,
			centroidLat: territories.centroidLat,
			centroidPrecision: territories.centroidPrecision
		})
		.from(territories)
		.where(eq(territories.kind, 'commune'))
		.all();
}

/** Each commune's outline and its bounding box: the importer finds a point's commune with them. */
export function communeOutlines(db: Db) {
	return db
		.select({ code: territories.code, bbox: territories.bbox, geometry: territories.geometry })
		.from(territories)
		.where(eq(territories.kind, 'commune'))
		.all();
}

export function departementShapes(db: Db) {
	return db
		.select({ code: territories.code, geometry: territories.geometry, bbox: territories.bbox })
		.from(territories)
		.where(eq(territories.kind, 'departement'))
		.all();
}

/** What duplicate detection and slug choice compare against: every entity, deleted ones included for slugs. */
/** What the duplicate rules and the importer's matching read of a listing. */
export const MATCH_COLUMNS = {
	id: entities.id,
	slug: entities.slug,
	name: entities.name,
	kind: entities.kind,
	communeCode: entities.communeCode,
	website: entities.website,
	siret: entities.siret,
	deletedAt: entities.deletedAt
};

export function entitiesForMatching(db: Db) {
	return db.select(MATCH_COLUMNS).from(entities).all();
}

export function entityRowsByIds(db: Db, ids: number[]) {
	if (ids.length === 0) return [];
	return db.select().from(entities).where(inArray(entities.id, ids)).all();
}

export function insertImportJob(db: Db, values: typeof importJobs.$inferInsert): number {
	return db.insert(importJobs).values(values).returning({ id: importJobs.id }).get().id;
}

export function importJobById(db: Db, id: number): ImportJobRow | undefined {
	return db.select().from(importJobs).where(eq(importJobs.id, id)).get();
}

/** Moves a job on only from the state the caller saw, so a double click cannot commit twice. */
export function updateImportJob(db: Db, id: number, fromStatus: ImportJobRow['status'], values: Partial<typeof importJobs.$inferInsert>): boolean {
	return (
		db
			.update(importJobs)
			.set(values)
			.where(and(eq(importJobs.id, id), eq(importJobs.status, fromStatus)))
			.run().changes === 1
	);
}

/**
 * Marks a job as being written by this process, only if no one else is writing it: a second click, or a
 * second server, gets false. A commit claims a preview with no changes yet; an undo, a committed job.
 */
export function claimImportJob(db: Db, id: number, fromStatus: ImportJobRow['status'], changes: ImportChanges): boolean {
	return (
		db
			.update(importJobs)
			.set({ changes })
			.where(
				and(
					eq(importJobs.id, id),
					eq(importJobs.status, fromStatus),
					fromStatus === 'preview' ? isNull(importJobs.changes) : sql`json_extract(${importJobs.changes}, '$.writing') is null`
				)
			)
			.run().changes === 1
	);
}

/** What a chunked commit or undo has written so far, saved in the chunk's own transaction. */
export function saveImportProgress(db: Db, id: number, changes: ImportChanges | null): void {
	db.update(importJobs).set({ changes }).where(eq(importJobs.id, id)).run();
}

/** Jobs a commit or an undo was writing: after a crash, the ones to take back or finish. */
export function importJobsBeingWritten(db: Db): ImportJobRow[] {
	return db
		.select()
		.from(importJobs)
		.where(sql`json_extract(${importJobs.changes}, '$.writing') is not null`)
		.all();
}

/** The history of imports, newest first, without the files themselves. */
export function listImportJobs(db: Db, limit = 50) {
	return db
		.select({
			id: importJobs.id,
			status: importJobs.status,
			fileName: importJobs.fileName,
			format: importJobs.format,
			counts: importJobs.counts,
			authorLabel: importJobs.authorLabel,
			createdAt: importJobs.createdAt,
			committedAt: importJobs.committedAt,
			committedByLabel: importJobs.committedByLabel,
			undoneAt: importJobs.undoneAt,
			undoneByLabel: importJobs.undoneByLabel,
			size: sql<number>`length(${importJobs.fileContent})`
		})
		.from(importJobs)
		.orderBy(desc(importJobs.id))
		.limit(limit)
		.all();
}
