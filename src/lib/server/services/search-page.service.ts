import { z } from 'zod';
import { formatIssues } from '$lib/domain/entity.schema';
import { CATEGORY_CODES } from '$lib/domain/filters';
import { ENTITY_KINDS } from '$lib/domain/vocabulary';
import type { Db } from '../db';
import { ValidationError } from './errors';
import { foundIds, search } from './search.service';
import { foundAround, searchPlaces, type PlaceHit } from './search-places.service';

export const SEARCH_PAGE_SIZE = 20;

const searchPageSchema = z.object({
	q: z.string().trim().max(200, { error: 'recherche trop longue (200 caractères au maximum)' }).default(''),
	page: z.coerce
		.number({ error: 'numéro de page invalide' })
		.int({ error: 'numéro de page invalide' })
		.min(1, { error: 'numéro de page invalide' })
		.max(10_000, { error: 'numéro de page invalide' })
		.default(1),
	kind: z.enum(ENTITY_KINDS, { error: "type d'acteur inconnu" }).optional(),
	category: z.enum(CATEGORY_CODES, { error: 'catégorie inconnue' }).optional(),
	dep: z.enum(['03', '15', '43', '63'], { error: 'département inconnu (03, 15, 43 ou 63)' }).optional()
});
export type SearchPageQuery = z.output<typeof searchPageSchema>;

/** /recherche?q=…&page=…&kind=…&category=…&dep=…; bad parameters raise a French ValidationError (-> 400). */
export function parseSearchPageQuery(params: URLSearchParams): SearchPageQuery {
	const raw: Record<string, string> = {};
	for (const key of ['q', 'page', 'kind', 'category', 'dep']) {
		const value = params.get(key);
		if (value !== null && value !== '') raw[key] = value;
	}
	const parsed = searchPageSchema.safeParse(raw);
	if (!parsed.success) throw new ValidationError(formatIssues(parsed.error));
	return parsed.data;
}

export function searchPage(db: Db, query: SearchPageQuery) {
	const none = { hits: [], total: 0, page: 1, pageCount: 1, facets: { kind: [], category: [], departement: [] }, suggestion: null, places: [], around: null };
	if (!query.q) return none;
	const result = search(db, query.q, {
		limit: SEARCH_PAGE_SIZE,
		offset: (query.page - 1) * SEARCH_PAGE_SIZE,
		prefix: true,
		kind: query.kind,
		category: query.category,
		departement: query.dep
	});
	// Places are named on the first page only, and not once the visitor narrowed the results.
	const places = query.page === 1 && !query.kind && !query.category && !query.dep ? searchPlaces(db, query.q) : [];
	return { ...result, page: query.page, pageCount: Math.max(1, Math.ceil(result.total / SEARCH_PAGE_SIZE)), places, around: aroundPlace(db, places, result) };
}

/**
 * « coworking thiers » when Thiers has few: what « coworking » finds within 30 km of the commune the query
 * names, nearest first, besides what the page already lists.
 */
function aroundPlace(db: Db, places: PlaceHit[], result: { total: number; hits: { id: number }[] }) {
	const named = places.find((p) => p.kind === 'commune' && p.rest);
	if (!named?.rest || result.total >= SEARCH_PAGE_SIZE) return null;
	const around = foundAround(db, named.code, foundIds(db, named.rest), new Set(result.hits.map((h) => h.id)));
	return around && around.items.length ? { place: named.name, what: named.rest, ...around } : null;
}
