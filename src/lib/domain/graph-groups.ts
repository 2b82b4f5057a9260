import { z } from './zod';
import { m } from '$lib/paraglide/messages';
import { actorRef } from './explore-params';
import { graphViewSchema } from './graph-query';
import { GROUP_BY, groupParamSchemas, repeatableParam } from './group-params';

export * from './group-params';

/** /api/v1/graph/groups' query: the graph's filters (no focus, no limit), the grouping, what is opened. */

export const GROUPS_ARRAY_KEYS = ['type', 'open', 'reveal'] as const;

const { focus: _focus, depth: _depth, limit: _limit, ...viewShape } = graphViewSchema.shape;

export const graphGroupsSchema = z.object(viewShape).extend({
	by: z
		.enum(GROUP_BY, { error: () => m.errors_group_unknown() })
		.default('community')
		.meta({ description: 'Regroupement : communautés (community), EPCI, départements (departement) ou catégories (category).', examples: ['community'] }),
	open: groupParamSchemas.open.meta({ description: 'Groupes ouverts : leurs membres sont dessinés un à un ; répétable.' }),
	reveal: repeatableParam(actorRef('reveal')).meta({
		description: 'Acteurs à montrer un à un (les étapes d’un chemin) : leur groupe est ouvert ; répétable.'
	})
});
export type GraphGroupsQuery = z.output<typeof graphGroupsSchema>;
