import { z } from '../zod';
import { ENTITY_KINDS } from '../vocabulary';
import { GROUP_BY } from '../graph-groups';

/**
 * /api/v1/graph/groups: the aggregated network, compactly (actors and relations as tuples; a few hundred to
 * ~2,000 elements). Units are named as the graph draws them: `g:<clé>` for a group, `n<id>` for an actor.
 */
const int = z.number().int();
const count = int.min(0);

const group = z.object({
	key: z.string().describe('Clé du groupe (pour `open`).'),
	id: z.string().describe('Nom du nœud du groupe : g:<clé>.'),
	label: z.string().describe('Nom du groupe (« autour de X » pour une communauté : son acteur le plus relié).'),
	size: count.describe('Acteurs du groupe (filtrés).'),
	rest: count.describe('Acteurs restés dans le nœud du groupe (les autres sont dessinés un à un).'),
	inner: count.describe('Relations entre deux acteurs du groupe.'),
	open: z.boolean().describe('Vrai quand le groupe est ouvert.'),
	x: z.number(),
	y: z.number(),
	r: z.number().describe('Rayon du disque du groupe ouvert (le nœud fermé en est la miniature).'),
	hub: z.object({ id: int, label: z.string() }).nullable().describe('Son acteur le plus relié.')
});

export const graphGroupsResponse = z.object({
	revision: int,
	stale: z.boolean().describe('Vrai quand c’est une version précédente du graphe ou des communautés, servie pendant le calcul de la nouvelle.'),
	by: z.enum(GROUP_BY),
	grouped: z.boolean().describe('Vrai quand la vue filtrée compte plus d’acteurs que le seuil : /reseau s’ouvre alors regroupé.'),
	threshold: count,
	actors: count.describe('Acteurs de la vue filtrée.'),
	relations: count.describe('Relations de la vue filtrée.'),
	groups: z.array(group),
	members: z
		.array(z.tuple([int, z.string(), z.enum(ENTITY_KINDS), int, z.number(), z.number(), count]))
		.describe('Acteurs dessinés un à un : [id, nom, type, rang du groupe dans `groups`, x, y, relations dans la vue].'),
	links: z
		.array(z.tuple([z.string(), z.string(), count, z.record(z.string(), count)]))
		.describe('Super-liens : [nœud, nœud, relations, relations par type] entre deux groupes ou un groupe et un acteur.'),
	edges: z.array(z.tuple([int, int, int, z.string()])).describe('Relations entre deux acteurs dessinés un à un : [id, source, cible, type].')
});
export type GraphGroupsResponse = z.output<typeof graphGroupsResponse>;
