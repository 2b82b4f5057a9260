import { and, eq, isNull, sql } from 'drizzle-orm';
import type { EntityFilters } from '$lib/domain/filters';
import type { GraphEdge, GraphNode } from '$lib/graph/graph-index';
import type { Db } from '../db';
import { preparedFor } from '../db/prepared';
import { entities, meta, relations } from '../db/schema';
import { filterConditions, visible } from './entity.repo';

/** Bumped by SQL triggers on every graph-changing write (drizzle/0003), from any process. */
export function graphRevision(db: Db): number {
	return preparedFor(db, 'graphRevision', (d) => d.select({ value: meta.value }).from(meta).where(eq(meta.key, 'graph_revision')).prepare()).get()?.value ?? 0;
}

/** Published, non-deleted actors: the nodes of the live graph. */
export function graphNodeRows(db: Db): GraphNode[] {
	return db
		.select({
			id: entities.id,
			slug: entities.slug,
			label: entities.name,
			kind: entities.kind,
			category: entities.category,
			communeCode: entities.communeCode,
			communeName: sql<string | null>`(select name from territories where code = ${entities.communeCode})`,
			lon: entities.lon,
			lat: entities.lat,
			// Named in full: a one-table select's column is written unqualified, read as m.id inside the subquery.
			coverage: sql<number>`(select count(*) from article_mentions m where m.entity_id = "entities"."id" and m.status = 'confirmed')`
		})
		.from(entities)
		.where(visible())
		.all();
}

/** Non-deleted relations (those whose ends are not both nodes are dropped when the index is built). */
export function graphEdgeRows(db: Db): GraphEdge[] {
	return db
		.select({
			id: relations.id,
			type: relations.type,
			source: relations.sourceId,
			target: relations.targetId,
			startDate: relations.startDate,
			endDate: relations.endDate,
			confirmation: relations.confirmation,
			sourceRef: relations.source
		})
		.from(relations)
		.where(isNull(relations.deletedAt))
		.all();
}

/** Ids of the actors the shared filters keep (the graph view intersects them with its index). */
export function filteredEntityIds(db: Db, filters: EntityFilters): number[] {
	return db
		.select({ id: entities.id })
		.from(entities)
		.where(and(...filterConditions(filters)))
		.all()
		.map((r) => r.id);
}
