import { directoryQuerySchema, type DirectoryQuery } from '$lib/domain/filters';
import { searchParamsToObject } from '$lib/domain/filter-params';
import { formatIssues } from '$lib/domain/entity.schema';
import type { Db } from '../db';
import { listEntities } from '../repos/entity.repo';
import { findTerritory } from '../repos/territory.repo';
import { entityCount, entityFacetCounts, pageByNameIndex } from './entity-counts';
import { ValidationError } from './errors';
import { pageByCommune } from './directory-commune-order';
import { m } from '$lib/paraglide/messages';

/** Parses a directory URL; bad parameters raise a ValidationError (-> 400, in the request's language), never a 500. */
export function parseDirectoryQuery(params: URLSearchParams): DirectoryQuery {
	const parsed = directoryQuerySchema.safeParse(searchParamsToObject(params));
	if (!parsed.success) throw new ValidationError(formatIssues(parsed.error));
	return parsed.data;
}

export function listDirectory(db: Db, query: DirectoryQuery) {
	const offset = (query.page - 1) * query.perPage;
	const items =
		query.sort === 'commune' ? pageByCommune(db, query, offset) : listEntities(db, query, offset, pageByNameIndex(db, query, offset + query.perPage));
	const total = entityCount(db, query);
	const territory = query.territory ? findTerritory(db, query.territory) : undefined;
	if (query.territory && !territory) throw new ValidationError([m.errors_territory_unknown({ code: query.territory })]);
	return {
		items,
		total,
		page: query.page,
		pageCount: Math.max(1, Math.ceil(total / query.perPage)),
		territory: territory ? { code: territory.code, name: territory.name, kind: territory.kind } : null,
		kindCounts: Object.fromEntries(entityFacetCounts(db, { ...query, kind: [] }, 'kind')),
		categoryCounts: Object.fromEntries(entityFacetCounts(db, { ...query, category: [] }, 'category'))
	};
}
