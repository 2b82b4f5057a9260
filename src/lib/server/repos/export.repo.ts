import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { EntityFilters } from '$lib/domain/filters';
import type { Db } from '../db';
import { entities, relations, territories } from '../db/schema';
import { relationColumns } from './relation-columns';
import { filterConditions } from './entity.repo';

/** Every column of the filtered, visible entities plus their commune and département names and their venue, by name. */
/** Every public field of the listings the filters keep (`slug`: only that one). */
export function exportEntityRows(db: Db, filters: EntityFilters, slug?: string) {
	return db
		.select({
			entity: entities,
			communeName: sql<string | null>`(select name from territories where code = ${entities.communeCode})`,
			departementCode: sql<string | null>`(select departement_code from territories where code = ${entities.communeCode})`,
			departementName: sql<
				string | null
			>`(select d.name from territories c join territories d on d.code = c.departement_code where c.code = ${entities.communeCode})`,
			// An event's venue, named only while it is itself a visible listing (the outer row named in full: drizzle writes its columns bare).
			venueSlug: sql<string | null>`(select v.slug from entities v where v.id = "entities"."venue_id" and v.deleted_at is null and v.status = 'published')`,
			venueName: sql<string | null>`(select v.name from entities v where v.id = "entities"."venue_id" and v.deleted_at is null and v.status = 'published')`
		})
		.from(entities)
		.where(and(...filterConditions(filters), slug === undefined ? undefined : eq(entities.slug, slug)))
		.orderBy(sql`${entities.name} collate nocase`, asc(entities.id))
		.all();
}
export type ExportEntityRow = ReturnType<typeof exportEntityRows>[number];

/** Live relations whose two ends are both in `ids`, with every public field. */
export function exportRelationRows(db: Db, ids: number[]) {
	if (ids.length === 0) return [];
	const idSet = JSON.stringify(ids);
	return db
		.select({
			...relationColumns,
			description: relations.description,
			isDemo: relations.isDemo
		})
		.from(relations)
		.where(
			and(
				isNull(relations.deletedAt),
				sql`${relations.sourceId} in (select value from json_each(${idSet}))`,
				sql`${relations.targetId} in (select value from json_each(${idSet}))`
			)
		)
		.orderBy(asc(relations.id))
		.all();
}

export function territoryOutlines(db: Db, kind: 'departement' | 'epci') {
	return db
		.select({ code: territories.code, kind: territories.kind, name: territories.name, population: territories.population, geometry: territories.geometry })
		.from(territories)
		.where(and(inArray(territories.kind, [kind]), sql`${territories.geometry} is not null`))
		.orderBy(asc(territories.code))
		.all();
}
