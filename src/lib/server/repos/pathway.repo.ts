import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { PathwayEntity, PathwayRelation } from '$lib/pathways/extract';
import { PATHWAY_STEP_TYPES } from '$lib/pathways/types';
import type { Db } from '../db';
import { entities, relations, territories } from '../db/schema';
import { relationColumns } from './relation-columns';
import { visible } from './entity.repo';

/** Published actors with what pathways need: place (commune, département, EPCI), sectors, stages, offers. */
export function pathwayEntityRows(db: Db): PathwayEntity[] {
	return db
		.select({
			id: entities.id,
			slug: entities.slug,
			name: entities.name,
			kind: entities.kind,
			category: entities.category,
			sectors: entities.sectors,
			stages: entities.stages,
			offers: entities.offers,
			communeCode: entities.communeCode,
			communeName: territories.name,
			departementCode: territories.departementCode,
			epciCode: territories.epciCode,
			lon: entities.lon,
			lat: entities.lat
		})
		.from(entities)
		.leftJoin(territories, eq(territories.code, entities.communeCode))
		.where(visible())
		.all();
}

/** Non-deleted relations of the pathway-step types. */
export function pathwayRelationRows(db: Db): PathwayRelation[] {
	return db
		.select({
			...relationColumns,
			description: relations.description
		})
		.from(relations)
		.where(and(isNull(relations.deletedAt), inArray(relations.type, [...PATHWAY_STEP_TYPES])))
		.all();
}

/** Names of territories by code (for the flows' territories of origin). */
export function territoryNames(db: Db, kinds: ('departement' | 'epci')[]): Map<string, string> {
	const rows = db.select({ code: territories.code, name: territories.name }).from(territories).where(inArray(territories.kind, kinds)).all();
	return new Map(rows.map((r) => [r.code, r.name]));
}
