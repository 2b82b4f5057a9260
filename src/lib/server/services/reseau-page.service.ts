import { z } from 'zod';
import { directoryQuerySchema } from '$lib/domain/filters';
import { RELATION_TYPES } from '$lib/domain/vocabulary';
import type { ReseauView } from '$lib/network/reseau-url';
import { formatIssues } from '$lib/domain/entity.schema';
import type { Nameable } from '$lib/domain/french';
import { nameable } from '$lib/graph/sentences';
import type { Db } from '../db';
import { liveGraph } from '../graph/graph-cache';
import { ValidationError } from './errors';
import { parseParams } from './params';

const actorId = z.coerce.number({ error: 'acteur invalide' }).int().positive({ error: 'acteur invalide' }).optional();
const metric = z.enum(['degree', 'betweenness', 'pagerank'], { error: 'mesure inconnue (degree, betweenness ou pagerank)' });

/** /reseau's URL: the shared filters plus the graph's own view state. */
export const reseauPageQuerySchema = directoryQuerySchema.extend({
	year: z.coerce.number({ error: 'année invalide' }).int().min(1900, { error: 'année invalide' }).max(2100, { error: 'année invalide' }).optional(),
	confirmed: z.enum(['1', 'true'], { error: 'confirmed : 1 ou rien' }).optional(),
	focus: actorId,
	depth: z.coerce.number({ error: 'profondeur invalide' }).int().min(1, { error: 'profondeur : 1 à 3' }).max(3, { error: 'profondeur : 1 à 3' }).default(1),
	layout: z.enum(['fcose', 'concentric', 'grouped', 'geo'], { error: 'disposition inconnue' }).default('fcose'),
	size: z.enum(['none', 'degree', 'betweenness', 'pagerank'], { error: 'taille : none, degree, betweenness ou pagerank' }).default('degree'),
	colour: z.enum(['kind', 'community'], { error: 'couleur : kind ou community' }).default('kind'),
	centrality: metric.default('degree'),
	from: actorId,
	to: actorId,
	path: z.coerce.number({ error: 'chemin invalide' }).int({ error: 'chemin invalide' }).min(1, { error: 'chemin : 1 à 5' }).max(5, { error: 'chemin : 1 à 5' }).optional(),
	isolated: z.enum(['show', 'hide'], { error: 'isolated : show ou hide' }).optional()
});

/** `type` repeats (one per relation type), which the shared parser keeps only for the filter arrays. */
const typesSchema = z.object({ type: z.array(z.enum(RELATION_TYPES, { error: 'type de relation inconnu' })) });

/**
 * The page's filters and view, and the actors its address gives by id (focus, X and Y of a path), named:
 * a shared link shows « Couveuse des Puys » at once, not a number while the answers travel. Kind and
 * category come along, for sentences that give the name its article (« De la Couveuse des Puys à … »).
 */
export function loadReseauPage(db: Db, params: URLSearchParams): { query: z.output<typeof directoryQuerySchema>; view: ReseauView; names: Record<number, Nameable> } {
	const rest = new URLSearchParams(params);
	rest.delete('type');
	const { type } = parseTypes(params.getAll('type'));
	const { year, confirmed, focus, depth, layout, size, colour, centrality, from, to, path, isolated, ...query } = parseParams(reseauPageQuerySchema, rest);
	const { index } = liveGraph(db);
	const names: Record<number, Nameable> = {};
	for (const id of [focus, from, to]) {
		const at = id == null ? undefined : index.position.get(id);
		if (id != null && at !== undefined) names[id] = nameable(index.nodes[at]!);
	}
	return {
		query,
		view: { types: type, year: year ?? null, confirmed: Boolean(confirmed), focus: focus ?? null, depth: depth as 1 | 2 | 3, layout, size, colour, centrality, from: from ?? null, to: to ?? null, path: path ?? null, isolated: isolated ?? null },
		names
	};
}

function parseTypes(type: string[]): { type: z.output<typeof typesSchema>['type'] } {
	const parsed = typesSchema.safeParse({ type });
	if (!parsed.success) throw new ValidationError(formatIssues(parsed.error));
	return parsed.data;
}
