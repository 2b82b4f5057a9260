import { z } from 'zod';
import { OFFERS, SECTORS, STAGES } from './vocabulary';

/** Query strings of the pathway pages and endpoints (/parcours, /parcours/flux, /api/v1/pathways*). */

const repeatable = <T extends z.ZodType>(item: T) =>
	z.preprocess(
		(v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v.filter((x) => x !== '') : [v]),
		z.array(item).max(20, { error: 'trop de valeurs' })
	);

/** One value expected: the shared filters' parser hands `stage` and `sector` over as arrays, the last one wins. */
const single = (v: unknown) => (Array.isArray(v) ? v[v.length - 1] : v);
const blankToUndefined = (v: unknown) => (single(v) === '' ? undefined : single(v));
const year = (name: string) =>
	z.preprocess(
		blankToUndefined,
		z.coerce
			.number({ error: `${name} : une année, par exemple 2019` })
			.int({ error: `${name} : une année, par exemple 2019` })
			.min(1900, { error: `${name} : une année après 1900` })
			.max(2100, { error: `${name} : une année avant 2100` })
			.optional()
	);

export const PATHWAY_ARRAY_KEYS = ['sector', 'need'] as const;

export const pathwayEntitySchema = z.object({
	entity: z
		.string({ error: 'paramètre entity obligatoire (identifiant ou slug d’un acteur)' })
		.trim()
		.min(1, { error: 'paramètre entity obligatoire (identifiant ou slug d’un acteur)' })
		.max(120, { error: 'entity : identifiant trop long' })
		.meta({ description: 'Startup, entreprise ou entrepreneur·e : identifiant ou slug.' })
});

export const flowFiltersSchema = z
	.object({
		sector: z
			.preprocess(blankToUndefined, z.enum(SECTORS as [string, ...string[]], { error: 'secteur inconnu' }).optional())
			.meta({ description: 'Secteur d’activité des projets.', examples: ['health'] }),
		departement: z
			.preprocess(
				blankToUndefined,
				z
					.string()
					.regex(/^\d[\dAB]$/, { error: 'département : un code comme 43' })
					.optional()
			)
			.meta({ description: 'Département d’origine des projets (code de leur commune).', examples: ['63'] }),
		epci: z
			.preprocess(
				blankToUndefined,
				z
					.string()
					.regex(/^\d{9}$/, { error: 'EPCI : un code SIREN à 9 chiffres' })
					.optional()
			)
			.meta({ description: 'EPCI d’origine des projets (SIREN à 9 chiffres).', examples: ['246300701'] }),
		from: year('de').meta({ description: 'Début de la période : étapes commencées cette année-là ou après.', examples: [2019] }),
		to: year('à').meta({ description: 'Fin de la période : étapes commencées cette année-là ou avant.', examples: [2024] }),
		level: z
			.preprocess(blankToUndefined, z.enum(['category', 'structure'], { error: 'niveau : catégories ou structures' }).default('category'))
			.meta({ description: 'Regrouper les étapes par catégorie de structure ou par structure.' })
	})
	.refine((f) => f.from == null || f.to == null || f.from <= f.to, { error: 'la période commence après sa fin', path: ['from'] });
export type FlowFiltersQuery = z.output<typeof flowFiltersSchema>;

const figureKey = z.string({ error: 'figure : clé manquante' }).regex(/^(s\d+|[a-z_]+)$/, { error: 'figure : clé invalide' });
const rank = z.coerce.number({ error: 'rang : 1 à 4' }).int({ error: 'rang : 1 à 4' }).min(1, { error: 'rang : 1 à 4' }).max(4, { error: 'rang : 1 à 4' });
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
				.regex(/^(\d[\dAB]|\d{9})$/, { error: 'territoire : code invalide' })
				.meta({ description: 'Pour leaving : territoire d’origine, code de département ou SIREN d’EPCI.', examples: ['63'] })
		}),
		z.object({ figure: figure('all') })
	],
	{ error: 'figure : transition, first, stuck, leaving ou all' }
);

export const finderQuerySchema = z.object({
	stage: z
		.preprocess(single, z.enum(STAGES, { error: 'Choisissez le stade de votre projet (émergence, création, développement ou croissance).' }))
		.meta({ description: 'Stade actuel du projet : l’itinéraire part de l’étape suivante.', examples: ['creation'] }),
	sector: repeatable(z.enum(SECTORS as [string, ...string[]], { error: 'secteur inconnu' })).meta({
		description: 'Secteur d’activité du projet ; répétable.',
		examples: [['health']]
	}),
	commune: z
		.string({ error: 'Indiquez votre commune.' })
		.trim()
		.regex(/^\d[\dAB]\d{3}$/, { error: 'Indiquez votre commune (choisissez-la dans la liste, ou son code INSEE à 5 caractères).' })
		.meta({ description: 'Code INSEE de la commune du projet : les distances partent de son centre.', examples: ['63113'] }),
	need: repeatable(z.enum(OFFERS, { error: 'besoin inconnu' })).meta({
		description: 'Besoin d’accompagnement (financement, hébergement…) ; répétable.',
		examples: [['funding']]
	})
});
export type FinderQueryInput = z.output<typeof finderQuerySchema>;

/** Parameters that pick a figure on the flows page (the rest are filters). */
export const flowFiguresKeys: readonly string[] = ['figure', 'from_key', 'to_key', 'key', 'code', 'rank'];
