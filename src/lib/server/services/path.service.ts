/** « Comment X est-il relié à Y ? »: shortest paths written as sentences, and the relations two actors share. */
import { commonQuerySchema, GRAPH_ARRAY_KEYS, pathQuerySchema } from '$lib/domain/graph-query';
import { commonNeighbours, shortestPaths } from '$lib/graph/paths';
import { nameable, relationSentence, relationSentenceParts } from '$lib/graph/sentences';
import type { Db } from '../db';
import { liveGraph } from '../graph/graph-cache';
import { ValidationError } from './errors';
import { actorJson, edgeJson, relationMask, resolveActor } from './graph-view';
import { parseParams } from './params';
import { m } from '$lib/paraglide/messages';

export const parsePathQuery = (params: URLSearchParams) => parseParams(pathQuerySchema, params, GRAPH_ARRAY_KEYS);

/** Up to k shortest paths (at most maxHops relations each) between two actors, shortest first. */
export function findPaths(db: Db, params: URLSearchParams) {
	const q = parsePathQuery(params);
	const { index } = liveGraph(db);
	const from = resolveActor(index, q.from);
	const to = resolveActor(index, q.to);
	if (from === to) throw new ValidationError([m.errors_path_same_actor()]);
	const paths = shortestPaths(index, from, to, { k: q.k, maxHops: q.maxHops, mask: relationMask(index, q) });
	const entities: Record<number, ReturnType<typeof actorJson>> = {};
	for (const p of paths) for (const n of p.nodes) entities[index.nodes[n]!.id] ??= actorJson(index, n);
	const actor = (id: number) => nameable(index.nodes[index.position.get(id)!]!);
	return {
		from: index.nodes[from]!.id,
		to: index.nodes[to]!.id,
		paths: paths.map((p) => {
			const edges = p.edges.map((k) => index.edges[k]!);
			return {
				nodes: p.nodes.map((n) => index.nodes[n]!.id),
				edges: edges.map((e) => edgeJson(index, e)),
				sentences: edges.map((e) => relationSentence(e, actor(e.source), actor(e.target))),
				// The same, the source apart: the page makes its URLs links.
				details: edges.map((e) => relationSentenceParts(e, actor(e.source), actor(e.target)))
			};
		}),
		entities
	};
}

/** Actors related to both a and b, with the relation on each side. */
export function commonRelations(db: Db, params: URLSearchParams) {
	const q = parseParams(commonQuerySchema, params, GRAPH_ARRAY_KEYS);
	const { index } = liveGraph(db);
	const a = resolveActor(index, q.a);
	const b = resolveActor(index, q.b);
	if (a === b) throw new ValidationError([m.errors_common_same_actor()]);
	const items = commonNeighbours(index, a, b, relationMask(index, q)).map((c) => ({
		...actorJson(index, c.node),
		viaA: edgeJson(index, index.edges[c.viaA]!),
		viaB: edgeJson(index, index.edges[c.viaB]!)
	}));
	items.sort((x, y) => x.label.localeCompare(y.label, 'fr'));
	return { a: index.nodes[a]!.id, b: index.nodes[b]!.id, items };
}
