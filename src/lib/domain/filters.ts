import { z } from 'zod';
import { categoryTerms, ENTITY_KINDS, OFFERS, SECTORS, STAGES } from './vocabulary';

/**
 * One filter shape and one URL format for the directory, the map and the graph:
 * `?kind=organisation&category=incubator&sector=health&stage=creation&offer=funding&territory=63&q=…`
 * Repeated parameters mean "any of" within a facet; facets combine with "and".
 */
export const SORT_KEYS = ['name', 'kind', 'category', 'commune', 'founded'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export const CATEGORY_CODES = categoryTerms.map((t) => t.code) as [string, ...string[]];
export const TERRITORY_CODE_RE = /^(\d{2}|2[AB]|\d{2}[0-9AB]\d{2}|\d{9}|\d[0-9AB]\d{3})$/;

const many = <T extends z.ZodType>(item: T) => z.array(item).max(30, { error: 'trop de valeurs' }).default([]);

export const entityFiltersSchema = z.object({
	kind: many(z.enum(ENTITY_KINDS, { error: "type d'acteur inconnu" })).meta({
		description: 'Type d’acteur ; répétable (l’un ou l’autre).',
		examples: [['third_place']]
	}),
	category: many(z.enum(CATEGORY_CODES, { error: 'catégorie inconnue' })).meta({
		description: 'Catégorie d’acteur (incubateur, startup, tiers-lieu…) ; répétable.',
		examples: [['incubator']]
	}),
	sector: many(z.enum(SECTORS as [string, ...string[]], { error: 'secteur inconnu' })).meta({
		description: 'Secteur d’activité ; répétable.',
		examples: [['health']]
	}),
	stage: many(z.enum(STAGES, { error: 'stade inconnu' })).meta({
		description: 'Stade de projet (accompagné par la structure, ou atteint par le projet) ; répétable.',
		examples: [['creation']]
	}),
	offer: many(z.enum(OFFERS, { error: "offre d'accompagnement inconnue" })).meta({
		description: 'Offre d’accompagnement proposée (hébergement, financement…) ; répétable.',
		examples: [['funding']]
	}),
	territory: z
		.string()
		.regex(TERRITORY_CODE_RE, { error: 'code de territoire invalide (département, EPCI ou commune)' })
		.optional()
		.meta({
			description: 'Territoire : code de département (63), SIREN d’EPCI (9 chiffres) ou code INSEE de commune (5 caractères).',
			examples: ['63', '63113']
		}),
	q: z
		.string()
		.trim()
		.max(200, { error: 'recherche trop longue (200 caractères au maximum)' })
		.optional()
		.transform((v) => (v ? v : undefined))
		.meta({ description: 'Texte cherché dans les noms, descriptions et mots-clés des acteurs (insensible aux accents).', examples: ['fablab'] })
});
export type EntityFilters = z.output<typeof entityFiltersSchema>;

export const directoryQuerySchema = entityFiltersSchema.extend({
	sort: z.enum(SORT_KEYS, { error: 'tri inconnu' }).default('name'),
	dir: z.enum(['asc', 'desc'], { error: 'ordre de tri inconnu' }).default('asc'),
	page: z.coerce
		.number({ error: 'numéro de page invalide' })
		.int({ error: 'numéro de page invalide' })
		.min(1, { error: 'numéro de page invalide' })
		.max(100_000)
		.default(1),
	perPage: z.coerce
		.number({ error: 'taille de page invalide' })
		.int()
		.min(1, { error: 'taille de page invalide' })
		.max(200, { error: '200 résultats par page au maximum' })
		.default(50)
});
export type DirectoryQuery = z.output<typeof directoryQuerySchema>;

// The URL side (no zod) lives in filter-params.ts, imported from there: client pages build URLs without the
// schemas, and the two modules do not import each other.
