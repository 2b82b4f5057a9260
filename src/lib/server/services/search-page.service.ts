import { z } from 'zod';
import { formatIssues } from '$lib/domain/entity.schema';
import { CATEGORY_CODES } from '$lib/domain/filters';
import { ENTITY_KINDS } from '$lib/domain/vocabulary';
import { m } from '$lib/paraglide/messages';
import type { Db } from '../db';
import { ValidationError } from './errors';
import { foundIds, search } from './search.service';
import { foundAround, searchPlaces, type PlaceHit } from './search-places.service';

export const SEARCH_PAGE_SIZE = 20;

// Errors are functions: they are said when a request is parsed, in that request's language.
const badPage = () => m.server_search_error_page();
const searchPageSchema = z.object({
	q: z
		.string()
		.trim()
		.max(200, { error: () => m.server_search_error_too_long() })
		.default(''),
	page: z.coerce.number({ error: badPage }).int({ error: badPage }).min(1, { error: badPage }).max(10_000, { error: badPage }).default(1),
	kind: z.enum(ENTITY_KINDS, { error: () => m.server_search_error_kind() }).optional(),
	category: z.enum(CATEGORY_CODES, { error: () => m.server_search_error_category() }).optional(),
	dep: z.enum(['03', '15', '43', '63'], { error: () => m.server_search_error_departement() }).optional()
});
export type SearchPageQuery = z.output<typeof searchPageSchema>;

/** /recherche?q=…&page=…&kind=…&category=…&dep=…; bad parameters raise a ValidationError in the page's language (-> 400). */
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
