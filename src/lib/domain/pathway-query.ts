import { z } from 'zod';
import { OFFERS, SECTORS, STAGES } from './vocabulary';

/** Query strings of the pathway pages and endpoints (/parcours, /parcours/flux, /api/v1/pathways*). */

const repeatable = <T extends z.ZodType>(item: T) =>
	z.preprocess((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v.filter((x) => x !== '') : [v]), z.array(item).max(20, { error: 'trop de valeurs' }));

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
	entity: z.string({ error: 'paramètre entity obligatoire (identifiant ou slug d’un acteur)' }).trim().min(1, { error: 'paramètre entity obligatoire (identifiant ou slug d’un acteur)' }).max(120, { error: 'entity : identifiant trop long' })
});

export const flowFiltersSchema = z
	.object({
		sector: z.preprocess(blankToUndefined, z.enum(SECTORS as [string, ...string[]], { error: 'secteur inconnu' }).optional()),
		departement: z.preprocess(blankToUndefined, z.string().regex(/^\d[\dAB]$/, { error: 'département : un code comme 43' }).optional()),
		epci: z.preprocess(blankToUndefined, z.string().regex(/^\d{9}$/, { error: 'EPCI : un code SIREN à 9 chiffres' }).optional()),
		from: year('de'),
		to: year('à'),
		level: z.preprocess(blankToUndefined, z.enum(['category', 'structure'], { error: 'niveau : catégories ou structures' }).default('category'))
	})
	.refine((f) => f.from == null || f.to == null || f.from <= f.to, { error: 'la période commence après sa fin', path: ['from'] });
export type FlowFiltersQuery = z.output<typeof flowFiltersSchema>;

const figureKey = z.string({ error: 'figure : clé manquante' }).regex(/^(s\d+|[a-z_]+)$/, { error: 'figure : clé invalide' });
const rank = z.coerce.number({ error: 'rang : 1 à 4' }).int({ error: 'rang : 1 à 4' }).min(1, { error: 'rang : 1 à 4' }).max(4, { error: 'rang : 1 à 4' });
export const flowFigureSchema = z.discriminatedUnion(
	'figure',
	[
		z.object({ figure: z.literal('transition'), from_key: figureKey, to_key: figureKey, rank: rank.optional() }),
		z.object({ figure: z.literal('first'), key: figureKey }),
		z.object({ figure: z.literal('reached'), rank, key: figureKey }),
		z.object({ figure: z.literal('arrived'), key: figureKey }),
		z.object({ figure: z.literal('stuck'), key: figureKey }),
		z.object({ figure: z.literal('leaving'), code: z.string().regex(/^(\d[\dAB]|\d{9})$/, { error: 'territoire : code invalide' }) }),
		z.object({ figure: z.literal('all') })
	],
	{ error: 'figure : transition, first, stuck, leaving ou all' }
);

export const finderQuerySchema = z.object({
	stage: z.preprocess(single, z.enum(STAGES, { error: 'Choisissez le stade de votre projet (émergence, création, développement ou croissance).' })),
	sector: repeatable(z.enum(SECTORS as [string, ...string[]], { error: 'secteur inconnu' })),
	commune: z
		.string({ error: 'Indiquez votre commune.' })
		.trim()
		.regex(/^\d[\dAB]\d{3}$/, { error: 'Indiquez votre commune (choisissez-la dans la liste, ou son code INSEE à 5 caractères).' }),
	need: repeatable(z.enum(OFFERS, { error: 'besoin inconnu' }))
});
export type FinderQueryInput = z.output<typeof finderQuerySchema>;

/** Parameters that pick a figure on the flows page (the rest are filters). */
export const flowFiguresKeys: readonly string[] = ['figure', 'from_key', 'to_key', 'key', 'code', 'rank'];
