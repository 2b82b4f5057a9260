import { and, isNotNull, isNull } from 'drizzle-orm';
import type { Db } from '../db';
import { entities } from '../db/schema';

/** Live listings with a point but no commune: they show on the map and in no territory's counts. */
export function pointsWithoutCommune(db: Db) {
	return db
		.select({ id: entities.id, slug: entities.slug, name: entities.name, version: entities.version, lon: entities.lon, lat: entities.lat })
		.from(entities)
		.where(and(isNull(entities.deletedAt), isNull(entities.communeCode), isNotNull(entities.lon), isNotNull(entities.lat)))
		.all() as Array<{ id: number; slug: string; name: string; version: number; lon: number; lat: number }>;
}
