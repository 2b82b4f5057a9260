import { z } from 'zod';
import { entityFiltersSchema } from '$lib/domain/filters';
import { categoryLabel, kindLabel } from '$lib/domain/vocabulary';
import type { Db } from '../db';
import { listEntities } from '../repos/entity.repo';
import { findTerritorySummaries } from '../repos/territory.repo';
import { getEntityWithRelations } from './entity.service';
import { cursorParam, encodeCursor } from './cursor';
import { entityCount, pageByNameIndex } from './entity-counts';
import { limitParam, parseParams } from './params';

export const entityListSchema = entityFiltersSchema.extend({
	limit: limitParam(200, 50).meta({ description: 'Nombre d’acteurs par page.' }),
	// Read into the position it stands for: a forged cursor is a 400 here, before any query.
	cursor: cursorParam.meta({ description: 'Curseur de la page suivante : la valeur `next` de la réponse précédente.' })
});

export function listEntitiesApi(db: Db, params: URLSearchParams) {
	const { cursor, ...q } = parseParams(entityListSchema, params);
	// One more than asked: whether a next page exists, without counting. The next page starts after the last
	// actor shown (keyset): an old offset cursor leads on to keyset ones.
	const query = { ...q, sort: 'name', dir: 'asc', page: 1, perPage: q.limit + 1 } as const;
	const rows = listEntities(db, query, 'after' in cursor ? cursor.after : cursor.offset, pageByNameIndex(db, q, query.perPage));
	const items = rows.slice(0, q.limit);
	return {
		items: items.map((e) => ({ ...e, kindLabel: kindLabel(e.kind), categoryLabel: categoryLabel(e.category) })),
		total: entityCount(db, q),
		next: rows.length > q.limit ? encodeCursor(items.at(-1)!) : null
	};
}

/**
 * GET /api/v1/entities/{id|slug}: the actor, its relations, and its commune's name: the cards of /carte and
 * /reseau show « Clermont-Ferrand », never « 63113 ».
 */
export function entityApi(db: Db, idOrSlug: string) {
	const entity = getEntityWithRelations(db, idOrSlug);
	const communeName = entity.communeCode ? (findTerritorySummaries(db, [entity.communeCode])[0]?.name ?? null) : null;
	return { ...entity, communeName };
}

/** GET /api/v1/graph now lives with the other network services; the name stays for existing callers. */
export { graphView as graphApi } from './graph.service';

export const searchApiSchema = z.object({
	q: z
		.string({ error: 'paramètre q obligatoire' })
		.trim()
		.min(1, { error: 'paramètre q obligatoire' })
		.max(200, { error: 'recherche trop longue (200 caractères au maximum)' })
		.meta({ description: 'Texte cherché (mots entiers ; le dernier mot peut être un début de mot).', examples: ['incubateur'] }),
	limit: z.coerce
		.number({ error: 'limit doit être un nombre' })
		.int()
		.min(1, { error: 'limit doit être au moins 1' })
		.max(100, { error: 'limit : 100 au maximum' })
		.default(20)
		.meta({ description: 'Nombre de résultats rendus.' }),
	offset: z.coerce
		.number({ error: 'offset doit être un nombre' })
		.int()
		.min(0, { error: 'offset invalide' })
		.max(100_000)
		.default(0)
		.meta({ description: 'Nombre de résultats à sauter (pagination).' })
});

export function parseSearchApi(params: URLSearchParams) {
	return parseParams(searchApiSchema, params);
}
