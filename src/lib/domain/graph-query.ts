import { z } from 'zod';
import { RELATION_TYPES } from './vocabulary';
import { entityFiltersSchema } from './filters';

/**
 * Query strings of the network endpoints (/api/v1/graph, /paths, /graph/common, exports): the shared
 * entity filters plus relation filters: `type` (repeatable), `year`, `confirmed=1`.
 */

/** A repeatable parameter: one value arrives as a string, several as an array. */
const repeatable = <T extends z.ZodType>(item: T) =>
	z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(item).max(30, { error: 'trop de valeurs' }));

const flag = (name: string) =>
	z
		.enum(['1', '0', 'true', 'false'], { error: `${name} : 1 ou 0` })
		.optional()
		.transform((v) => v === '1' || v === 'true');

/** An actor by id or slug. */
const actorRef = (name: string) =>
	z
		.string({ error: `paramètre ${name} obligatoire (identifiant ou slug d'un acteur)` })
		.trim()
		.min(1, { error: `paramètre ${name} obligatoire (identifiant ou slug d'un acteur)` })
		.max(120, { error: `${name} : identifiant trop long` });

const int = (name: string, min: number, max: number) =>
	z.coerce
		.number({ error: `${name} doit être un nombre` })
		.int({ error: `${name} doit être un entier` })
		.min(min, { error: `${name} : ${min} au minimum` })
		.max(max, { error: `${name} : ${max} au maximum` });

/** Keys that may repeat in these query strings besides the shared filters' (parseParams' third argument). */
export const GRAPH_ARRAY_KEYS = ['type'] as const;

export const relationFiltersSchema = z.object({
	type: repeatable(z.enum(RELATION_TYPES, { error: 'type de relation inconnu' })).meta({
		description: 'Type de relation gardé ; répétable (l’un ou l’autre). Sans lui, toutes les relations.',
		examples: [['incubated_by']]
	}),
	year: int('year', 1800, 2100).optional().meta({ description: 'Année : seules les relations en cours cette année-là.', examples: [2022] }),
	confirmed: flag('confirmed').meta({ description: '1 (ou true) : seules les relations confirmées par l’autre partie.', examples: ['1'] })
});

export const graphViewSchema = entityFiltersSchema.extend({
	...relationFiltersSchema.shape,
	focus: actorRef('focus').optional().meta({ description: 'Identifiant ou slug d’un acteur : ne garder que son voisinage.' }),
	depth: int('depth', 1, 3).default(1).meta({ description: 'Avec `focus` : profondeur du voisinage, en nombre de relations.' }),
	limit: int('limit', 1, 20_000).optional().meta({ description: 'Nombre maximal d’acteurs : les plus reliés d’abord.', examples: [50] }),
	connected: flag('connected').meta({ description: '1 (ou true) : sans les acteurs qui n’ont aucune relation dans la vue (l’acteur de `focus` reste).', examples: ['1'] })
});
export type GraphViewQuery = z.output<typeof graphViewSchema>;

export const pathQuerySchema = relationFiltersSchema.extend({
	from: actorRef('from').meta({ description: 'Acteur de départ : identifiant ou slug.' }),
	to: actorRef('to').meta({ description: 'Acteur d’arrivée : identifiant ou slug.' }),
	k: int('k', 1, 5).default(3).meta({ description: 'Nombre de chemins cherchés, les plus courts d’abord.' }),
	maxHops: int('maxHops', 1, 6).default(6).meta({ description: 'Nombre maximal de relations par chemin.' })
});
export type PathQuery = z.output<typeof pathQuerySchema>;

export const commonQuerySchema = relationFiltersSchema.extend({
	a: actorRef('a').meta({ description: 'Premier acteur : identifiant ou slug.' }),
	b: actorRef('b').meta({ description: 'Second acteur : identifiant ou slug.' })
});
export type CommonQuery = z.output<typeof commonQuerySchema>;
