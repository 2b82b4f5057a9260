import { z } from './zod';
import { m } from '$lib/paraglide/messages';
import { actorRef } from './explore-params';
import { graphViewSchema } from './graph-query';

/**
 * The network's aggregated view (/api/v1/graph/groups and /reseau's `group` and `open`): how actors are gathered,
 * which groups are opened. One schema for the page's address and the API.
 */

export const GROUP_BY = ['community', 'epci', 'departement', 'category'] as const;
export type GroupBy = (typeof GROUP_BY)[number];
/** The page's choice: a grouping, or the actors themselves (`none`). Absent: grouped above the threshold. */
export const GROUP_CHOICES = [...GROUP_BY, 'none'] as const;
export type GroupChoice = (typeof GROUP_CHOICES)[number];

/** Above this many filtered actors, /reseau opens grouped (the actors' view shows at most this many). */
export const GROUP_THRESHOLD = 600;
/** An opened group draws at most this many of its members on their own (the most related); the rest stay in its node. */
export const GROUP_MEMBER_CAP = 200;

/** A group's key in an address: a community's number, an EPCI's SIREN, a département's code, a category's code; `sans` for the actors with none. */
export const groupKey = z
	.string()
	.regex(/^[A-Za-z0-9_-]{1,40}$/, { error: () => m.errors_group_key_invalid() });

const repeatable = <T extends z.ZodType>(item: T) =>
	z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(item).max(30, { error: () => m.errors_too_many_values() }));

export const groupParamSchemas = {
	group: z.enum(GROUP_CHOICES, { error: () => m.errors_group_unknown() }).optional(),
	open: repeatable(groupKey)
} as const;

export const GROUPS_ARRAY_KEYS = ['type', 'open', 'reveal'] as const;

const { focus: _focus, depth: _depth, limit: _limit, ...viewShape } = graphViewSchema.shape;

export const graphGroupsSchema = z.object(viewShape).extend({
	by: z
		.enum(GROUP_BY, { error: () => m.errors_group_unknown() })
		.default('community')
		.meta({ description: 'Regroupement : communautés (community), EPCI, départements (departement) ou catégories (category).', examples: ['community'] }),
	open: groupParamSchemas.open.meta({ description: 'Groupes ouverts : leurs membres sont dessinés un à un ; répétable.' }),
	reveal: repeatable(actorRef('reveal')).meta({
		description: 'Acteurs à montrer un à un (les étapes d’un chemin) : leur groupe est ouvert ; répétable.'
	})
});
export type GraphGroupsQuery = z.output<typeof graphGroupsSchema>;
