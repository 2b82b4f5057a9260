import { z } from 'zod';
import { formatIssues } from '$lib/domain/entity.schema';
import type { Db } from '../db';
import { ValidationError } from './errors';
import { search } from './search.service';

export const SEARCH_PAGE_SIZE = 20;

const searchPageSchema = z.object({
	q: z.string().trim().max(200, { error: 'recherche trop longue (200 caractères au maximum)' }).default(''),
	page: z.coerce
		.number({ error: 'numéro de page invalide' })
		.int({ error: 'numéro de page invalide' })
		.min(1, { error: 'numéro de page invalide' })
		.max(10_000, { error: 'numéro de page invalide' })
		.default(1)
});
export type SearchPageQuery = z.output<typeof searchPageSchema>;

/** /recherche?q=…&page=…; bad parameters raise a French ValidationError (-> 400). */
export function parseSearchPageQuery(params: URLSearchParams): SearchPageQuery {
	const raw: Record<string, string> = {};
	for (const key of ['q', 'page']) {
		const value = params.get(key);
		if (value !== null && value !== '') raw[key] = value;
	}
	const parsed = searchPageSchema.safeParse(raw);
	if (!parsed.success) throw new ValidationError(formatIssues(parsed.error));
	return parsed.data;
}

export function searchPage(db: Db, query: SearchPageQuery) {
	if (!query.q) return { hits: [], total: 0, page: 1, pageCount: 1 };
	const { hits, total } = search(db, query.q, { limit: SEARCH_PAGE_SIZE, offset: (query.page - 1) * SEARCH_PAGE_SIZE, prefix: true });
	return { hits, total, page: query.page, pageCount: Math.max(1, Math.ceil(total / SEARCH_PAGE_SIZE)) };
}
