import { z } from './zod';

/**
 * /api/v1/graph/compact: the view of /graph as columns with the server's positions, what « Tout afficher »
 * draws (lib/graph/compact-graph.ts builds and reads it).
 */
const int = z.number().int();
const ints = z.array(int);

export const graphCompactResponse = z
	.object({
		format: z.literal('compact'),
		revision: int,
		stale: z.boolean(),
		positionsStale: z.boolean().describe('Vrai quand les positions sont celles de la version précédente, servies pendant le calcul des nouvelles.'),
		total: int.min(0),
		truncated: z.boolean(),
		years: ints,
		kinds: z.array(z.string()).describe('Types d’acteur, numérotés dans l’ordre (nodes.kind).'),
		categories: z.array(z.string()).describe('Catégories, numérotées dans l’ordre (nodes.category).'),
		types: z.array(z.string()).describe('Types de relation, numérotés dans l’ordre (edges.type).'),
		nodes: z
			.object({ id: ints, label: z.array(z.string()), kind: ints, category: ints, degree: ints, x: z.array(z.number()), y: z.array(z.number()) })
			.describe('Une colonne par champ, un rang par acteur ; x et y : position ForceAtlas2 dans le graphe entier.'),
		edges: z.object({ source: ints, target: ints, type: ints }).describe('Une colonne par champ : source et target sont des rangs de nodes.')
	})
	.describe('Le réseau en colonnes, avec les positions calculées par le serveur.');
