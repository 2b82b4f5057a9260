import { z } from './zod';
import { actorRef, EXPLORE_ARRAY_KEYS, exploreParamSchemas, flag, int } from './explore-params';
import { entityFiltersSchema } from './filters';

/**
 * Query strings of the network endpoints (/api/v1/graph, /paths, /graph/common, exports): the shared
 * entity filters plus relation filters (`type`, `year`, `confirmed`), each parsed by the explore views'
 * schema of the same name (explore-params.ts): the API and the /reseau page accept and refuse the same values.
 */

/** Keys that may repeat in these query strings besides the shared filters' (parseParams' third argument). */
export const GRAPH_ARRAY_KEYS = EXPLORE_ARRAY_KEYS;

const { type, year, confirmed, focus, depth } = exploreParamSchemas;

/**
 * /api/v1/graph without `limit` answered the whole graph: 135.6 MB for one anonymous call at 100,000 actors.
 * Its default is now the 2,000 most related actors (a picture a person can read), 20,000 at most; exports keep
 * every filtered actor up to that maximum.
 */
export const GRAPH_DEFAULT_LIMIT = 2_000;
export const GRAPH_MAX_LIMIT = 20_000;

export const relationFiltersSchema = z.object({ type, year, confirmed });

export const graphViewSchema = entityFiltersSchema.extend({
	...relationFiltersSchema.shape,
	focus,
	depth,
	limit: int('limit', 1, GRAPH_MAX_LIMIT)
		.optional()
		.meta({
			description:
				'Nombre maximal d’acteurs : les plus reliés d’abord (l’acteur de `focus` reste) ; 2000 sans `limit`, 20000 au plus ; `truncated` dit si des acteurs ont été laissés.',
			examples: [50]
		}),
	connected: flag('connected').meta({
		description: '1 (ou true) : sans les acteurs qui n’ont aucune relation dans la vue (l’acteur de `focus` reste).',
		examples: ['1']
	})
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
