import { z } from './zod';
import { m } from '$lib/paraglide/messages';

/**
 * The network's aggregated view as an address says it (/reseau's `group` and `open`, the API's `by` and `open`):
 * how actors are gathered and which groups are opened. Apart from explore-params.ts so both it and the API's
 * schema (graph-groups.ts) read it without importing each other.
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
export const groupKey = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, { error: () => m.errors_group_key_invalid() });

export const repeatableParam = <T extends z.ZodType>(item: T) =>
	z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(item).max(30, { error: () => m.errors_too_many_values() }));

export const groupParamSchemas = {
	group: z.enum(GROUP_CHOICES, { error: () => m.errors_group_unknown() }).optional(),
	open: repeatableParam(groupKey)
} as const;
