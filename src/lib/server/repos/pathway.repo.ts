import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { PathwayEntity, PathwayRelation } from '$lib/pathways/extract';
import { PATHWAY_STEP_TYPES } from '$lib/pathways/types';
import type { Db } from '../db';
import { entities, relations, territories } from '../db/schema';
import { relationColumns } from './relation-columns';
import { visible } from './entity.repo';

/** Published actors with what pathways need: place (commune, département, EPCI), sectors, stages, offers. */
export function pathwayEntityRows(db: Db): PathwayEntity[] {
	return pathwayEntityQuery(db).where(visible()).all();
}

/** The same for a few actors (one actor's pathway: the actor and the other ends of its steps). */
export function pathwayEntitiesWhere(db: Db, ref: { ids: number[] } | { slug: string }): PathwayEntity[] {
	// json_each, not one parameter per id: a figure of the flows may stand for every project (27,000 at 100,000 actors).
	const which = 'slug' in ref ? eq(entities.slug, ref.slug) : sql`${entities.id} in (select value from json_each(${JSON.stringify(ref.ids)}))`;
	return pathwayEntityQuery(db).where(and(visible(), which)).all();
}

function pathwayEntityQuery(db: Db) {
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
		.$dynamic();
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

/** Non-deleted step relations touching one actor (either end): relations_source_idx and relations_target_idx. */
export function pathwayRelationRowsOf(db: Db, entityId: number): PathwayRelation[] {
	const steps = [...PATHWAY_STEP_TYPES];
	return db
		.select({
			...relationColumns,
			description: relations.description
		})
		.from(relations)
		.where(
			and(
				isNull(relations.deletedAt),
				or(and(eq(relations.sourceId, entityId), inArray(relations.type, steps)), and(eq(relations.targetId, entityId), inArray(relations.type, steps)))
			)
		)
		.all();
}

/** Names of territories by code (for the flows' territories of origin). */
export function territoryNames(db: Db, kinds: ('departement' | 'epci')[]): Map<string, string> {
	const rows = db.select({ code: territories.code, name: territories.name }).from(territories).where(inArray(territories.kind, kinds)).all();
	return new Map(rows.map((r) => [r.code, r.name]));
}
