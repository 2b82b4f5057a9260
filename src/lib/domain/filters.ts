import { z } from 'zod';
import { categoryTerms, ENTITY_KINDS, OFFERS, SECTORS, STAGES } from './vocabulary';

/**
 * One filter shape and one URL format for the directory, the map and the graph:
 * `?kind=organisation&category=incubator&sector=health&stage=creation&offer=funding&territory=63&q=…`
 * Repeated parameters mean "any of" within a facet; facets combine with "and".
 */
export const SORT_KEYS = ['name', 'kind', 'category', 'commune', 'founded'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

const CATEGORY_CODES = categoryTerms.map((t) => t.code) as [string, ...string[]];
export const TERRITORY_CODE_RE = /^(\d{2}|2[AB]|\d{2}[0-9AB]\d{2}|\d{9}|\d[0-9AB]\d{3})$/;

const many = <T extends z.ZodType>(item: T) => z.array(item).max(30, { error: 'trop de valeurs' }).default([]);

export const entityFiltersSchema = z.object({
	kind: many(z.enum(ENTITY_KINDS, { error: "type d'acteur inconnu" })),
	category: many(z.enum(CATEGORY_CODES, { error: 'catégorie inconnue' })),
	sector: many(z.enum(SECTORS as [string, ...string[]], { error: 'secteur inconnu' })),
	stage: many(z.enum(STAGES, { error: 'stade inconnu' })),
	offer: many(z.enum(OFFERS, { error: "offre d'accompagnement inconnue" })),
	territory: z
		.string()
		.regex(TERRITORY_CODE_RE, { error: 'code de territoire invalide (département, EPCI ou commune)' })
		.optional(),
	q: z.string().trim().max(200, { error: 'recherche trop longue (200 caractères au maximum)' }).optional().transform((v) => (v ? v : undefined))
});
export type EntityFilters = z.output<typeof entityFiltersSchema>;

export const directoryQuerySchema = entityFiltersSchema.extend({
	sort: z.enum(SORT_KEYS, { error: 'tri inconnu' }).default('name'),
	dir: z.enum(['asc', 'desc'], { error: 'ordre de tri inconnu' }).default('asc'),
	page: z.coerce.number({ error: 'numéro de page invalide' }).int({ error: 'numéro de page invalide' }).min(1, { error: 'numéro de page invalide' }).max(100_000).default(1),
	perPage: z.coerce.number({ error: 'taille de page invalide' }).int().min(1, { error: 'taille de page invalide' }).max(200, { error: '200 résultats par page au maximum' }).default(50)
});
export type DirectoryQuery = z.output<typeof directoryQuerySchema>;

// The URL side (no zod) lives in filter-params.ts so that client pages can build URLs without the schemas.
export { filtersToSearchParams, hasActiveFilters, searchParamsToObject } from './filter-params';
