import { z } from './zod';
import { OFFERS, SECTORS, STAGES } from './vocabulary';
import { m } from '$lib/paraglide/messages';

/** Query strings of the pathway pages and endpoints (/parcours, /parcours/flux, /api/v1/pathways*). */

const repeatable = <T extends z.ZodType>(item: T) =>
	z.preprocess(
		(v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v.filter((x) => x !== '') : [v]),
		z.array(item).max(20, { error: () => m.errors_too_many_values() })
	);

/** One value expected: the shared filters' parser hands `stage` and `sector` over as arrays, the last one wins. */
const single = (v: unknown) => (Array.isArray(v) ? v[v.length - 1] : v);
const blankToUndefined = (v: unknown) => (single(v) === '' ? undefined : single(v));
/** `name` says which end of the period, in the request's language (a function, read while parsing). */
const year = (name: () => string) =>
	z.preprocess(
		blankToUndefined,
		z.coerce
			.number({ error: () => m.errors_year_expected({ name: name() }) })
			.int({ error: () => m.errors_year_expected({ name: name() }) })
			.min(1900, { error: () => m.errors_year_min({ name: name() }) })
			.max(2100, { error: () => m.errors_year_max({ name: name() }) })
			.optional()
	);

export const PATHWAY_ARRAY_KEYS = ['sector', 'need'] as const;

export const pathwayEntitySchema = z.object({
	entity: z
		.string({ error: () => m.errors_entity_required() })
		.trim()
		.min(1, { error: () => m.errors_entity_required() })
		.max(120, { error: () => m.errors_entity_too_long() })
		.meta({ description: 'Startup, entreprise ou entrepreneur·e : identifiant ou slug.' })
});

export const flowFiltersSchema = z
	.object({
		sector: z
			.preprocess(blankToUndefined, z.enum(SECTORS as [string, ...string[]], { error: () => m.errors_sector_unknown() }).optional())
			.meta({ description: 'Secteur d’activité des projets.', examples: ['health'] }),
		departement: z
			.preprocess(
				blankToUndefined,
				z
					.string()
					.regex(/^\d[\dAB]$/, { error: () => m.errors_departement_invalid() })
					.optional()
			)
			.meta({ description: 'Département d’origine des projets (code de leur commune).', examples: ['63'] }),
		epci: z
			.preprocess(
				blankToUndefined,
				z
					.string()
					.regex(/^\d{9}$/, { error: () => m.errors_epci_invalid() })
					.optional()
			)
			.meta({ description: 'EPCI d’origine des projets (SIREN à 9 chiffres).', examples: ['246300701'] }),
		from: year(m.errors_year_from).meta({ description: 'Début de la période : étapes commencées cette année-là ou après.', examples: [2019] }),
		to: year(m.errors_year_to).meta({ description: 'Fin de la période : étapes commencées cette année-là ou avant.', examples: [2024] }),
		level: z
			.preprocess(blankToUndefined, z.enum(['category', 'structure'], { error: () => m.errors_flow_level() }).default('category'))
			.meta({ description: 'Regrouper les étapes par catégorie de structure ou par structure.' })
	})
	.refine((f) => f.from == null || f.to == null || f.from <= f.to, { error: () => m.errors_period_reversed(), path: ['from'] });
export type FlowFiltersQuery = z.output<typeof flowFiltersSchema>;

const figureKey = z.string({ error: () => m.errors_figure_key_missing() }).regex(/^(s\d+|[a-z_]+)$/, { error: () => m.errors_figure_key_invalid() });
const rank = z.coerce
	.number({ error: () => m.errors_rank_invalid() })
	.int({ error: () => m.errors_rank_invalid() })
	.min(1, { error: () => m.errors_rank_invalid() })
	.max(4, { error: () => m.errors_rank_invalid() });
/** The figure's name, described once for every branch of the union (the documentation merges them). */
const figure = <T extends string>(name: T) =>
	z.literal(name).meta({
		description:
			'Chiffre dont on veut les projets : transition (from_key → to_key), first (première étape key), reached (étape de rang rank atteinte : key), arrived ou stuck (goulet key), leaving (territoire code), all (tous les projets).',
		examples: ['all']
	});
const KEY_TEXT = 'catégorie (code) ou structure (s suivi de son identifiant), selon level';
const stepKey = figureKey.meta({ description: `Étape : ${KEY_TEXT}. Pour first, reached, arrived et stuck.`, examples: ['incubator'] });
export const flowFigureSchema = z.discriminatedUnion(
	'figure',
	[
		z.object({
			figure: figure('transition'),
			from_key: figureKey.meta({ description: `Pour transition : étape de départ, ${KEY_TEXT}.`, examples: ['incubator'] }),
			to_key: figureKey.meta({ description: `Pour transition : étape d’arrivée, ${KEY_TEXT}.`, examples: ['accelerator'] }),
			rank: rank
				.optional()
				.meta({ description: 'Rang de l’étape (1 à 4, 4 = quatrième et au-delà) : pour reached, et pour transition la bande du diagramme partant de ce rang.' })
		}),
		z.object({ figure: figure('first'), key: stepKey }),
		z.object({ figure: figure('reached'), rank: rank.meta({ description: 'Rang de l’étape (1 à 4, 4 = quatrième et au-delà).' }), key: stepKey }),
		z.object({ figure: figure('arrived'), key: stepKey }),
		z.object({ figure: figure('stuck'), key: stepKey }),
		z.object({
			figure: figure('leaving'),
			code: z
				.string()
				.regex(/^(\d[\dAB]|\d{9})$/, { error: () => m.errors_territory_invalid() })
				.meta({ description: 'Pour leaving : territoire d’origine, code de département ou SIREN d’EPCI.', examples: ['63'] })
		}),
		z.object({ figure: figure('all') })
	],
	{ error: () => m.errors_figure_unknown() }
);

export const finderQuerySchema = z.object({
	stage: z
		.preprocess(single, z.enum(STAGES, { error: () => m.errors_finder_stage() }))
		.meta({ description: 'Stade actuel du projet : l’itinéraire part de l’étape suivante.', examples: ['creation'] }),
	sector: repeatable(z.enum(SECTORS as [string, ...string[]], { error: () => m.errors_sector_unknown() })).meta({
		description: 'Secteur d’activité du projet ; répétable.',
		examples: [['health']]
	}),
	commune: z
		.string({ error: () => m.errors_finder_commune_missing() })
		.trim()
		.regex(/^\d[\dAB]\d{3}$/, { error: () => m.errors_finder_commune_invalid() })
		.meta({ description: 'Code INSEE de la commune du projet : les distances partent de son centre.', examples: ['63113'] }),
	need: repeatable(z.enum(OFFERS, { error: () => m.errors_need_unknown() })).meta({
		description: 'Besoin d’accompagnement (financement, hébergement…) ; répétable.',
		examples: [['funding']]
	})
});
export type FinderQueryInput = z.output<typeof finderQuerySchema>;

/** Parameters that pick a figure on the flows page (the rest are filters). */
export const flowFiguresKeys: readonly string[] = ['figure', 'from_key', 'to_key', 'key', 'code', 'rank'];
