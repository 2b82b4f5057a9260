import { z } from './zod';
import { categoryTerms, ENTITY_KINDS, OFFERS, SECTORS, STAGES } from './vocabulary';
import { m } from '$lib/paraglide/messages';

/**
 * One filter shape and one URL format for the directory, the map and the graph:
 * `?kind=organisation&category=incubator&sector=health&stage=creation&offer=funding&territory=63&q=…`
 * Repeated parameters mean "any of" within a facet; facets combine with "and".
 */
export const SORT_KEYS = ['name', 'kind', 'category', 'commune', 'founded'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/** Press coverage (issue 20): never covered by a confirmed article (« angles morts »), or covered. */
export const PRESS_COVERAGE = ['none', 'covered'] as const;

export const CATEGORY_CODES = categoryTerms.map((t) => t.code) as [string, ...string[]];
export const TERRITORY_CODE_RE = /^(\d{2}|2[AB]|\d{2}[0-9AB]\d{2}|\d{9}|\d[0-9AB]\d{3})$/;

const many = <T extends z.ZodType>(item: T) =>
	z
		.array(item)
		.max(30, { error: () => m.errors_too_many_values() })
		.default([]);

export const entityFiltersSchema = z.object({
	kind: many(z.enum(ENTITY_KINDS, { error: () => m.errors_kind_unknown() })).meta({
		description: 'Type d’acteur ; répétable (l’un ou l’autre).',
		examples: [['third_place']]
	}),
	category: many(z.enum(CATEGORY_CODES, { error: () => m.errors_category_unknown() })).meta({
		description: 'Catégorie d’acteur (incubateur, startup, tiers-lieu…) ; répétable.',
		examples: [['incubator']]
	}),
	sector: many(z.enum(SECTORS as [string, ...string[]], { error: () => m.errors_sector_unknown() })).meta({
		description: 'Secteur d’activité ; répétable.',
		examples: [['health']]
	}),
	stage: many(z.enum(STAGES, { error: () => m.errors_stage_unknown() })).meta({
		description: 'Stade de projet (accompagné par la structure, ou atteint par le projet) ; répétable.',
		examples: [['creation']]
	}),
	offer: many(z.enum(OFFERS, { error: () => m.errors_offer_unknown() })).meta({
		description: 'Offre d’accompagnement proposée (hébergement, financement…) ; répétable.',
		examples: [['funding']]
	}),
	territory: z
		.string()
		.regex(TERRITORY_CODE_RE, { error: () => m.errors_territory_code_invalid() })
		.optional()
		.meta({
			description: 'Territoire : code de département (63), SIREN d’EPCI (9 chiffres) ou code INSEE de commune (5 caractères).',
			examples: ['63', '63113']
		}),
	press: z
		.enum(PRESS_COVERAGE, { error: () => m.errors_press_unknown() })
		.optional()
		.meta({
			description: 'Couverture presse : `none`, les acteurs qu’aucun article confirmé ne cite (les angles morts) ; `covered`, ceux qu’au moins un cite.',
			examples: ['none']
		}),
	q: z
		.string()
		.trim()
		.max(200, { error: () => m.errors_query_too_long() })
		.optional()
		.transform((v) => (v ? v : undefined))
		.meta({ description: 'Texte cherché dans les noms, descriptions et mots-clés des acteurs (insensible aux accents).', examples: ['fablab'] })
});
export type EntityFilters = z.output<typeof entityFiltersSchema>;

export const directoryQuerySchema = entityFiltersSchema.extend({
	sort: z.enum(SORT_KEYS, { error: () => m.errors_sort_unknown() }).default('name'),
	dir: z.enum(['asc', 'desc'], { error: () => m.errors_sort_order_unknown() }).default('asc'),
	page: z.coerce
		.number({ error: () => m.errors_page_invalid() })
		.int({ error: () => m.errors_page_invalid() })
		.min(1, { error: () => m.errors_page_invalid() })
		.max(100_000)
		.default(1),
	perPage: z.coerce
		.number({ error: () => m.errors_page_size_invalid() })
		.int()
		.min(1, { error: () => m.errors_page_size_invalid() })
		.max(200, { error: () => m.errors_page_size_max() })
		.default(50)
});
export type DirectoryQuery = z.output<typeof directoryQuerySchema>;

// The URL side (no zod) lives in filter-params.ts, imported from there: client pages build URLs without the
// schemas, and the two modules do not import each other.
