import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { entities, importJobs, territories, type ImportJobRow } from '../db/schema';

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
export function entitiesForMatching(db: Db) {
	return db
		.select({
			id: entities.id,
			slug: entities.slug,
			name: entities.name,
			kind: entities.kind,
			communeCode: entities.communeCode,
			website: entities.website,
			siret: entities.siret,
			deletedAt: entities.deletedAt
		})
		.from(entities)
		.all();
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
