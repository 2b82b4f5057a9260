import { EXPLORE_ARRAY_KEYS, exploreSchema, type ExploreQuery } from '$lib/domain/explore-params';
import type { Nameable } from '$lib/domain/french';
import { nameable } from '$lib/graph/sentences';
import type { Db } from '../db';
import { liveGraph } from '../graph/graph-cache';
import { resolveActor } from './graph-view';
import { parseParams } from './params';

/** The address's parameters that name an actor (by id, or by slug in a hand-written link). */
const ACTOR_KEYS = ['focus', 'from', 'to', 'actor'] as const;

export type ReseauPage =
	| { redirect: null; query: ExploreQuery; names: Record<number, Nameable> }
	/** The address named an actor by slug: the same address with its id (the browser's state holds ids only). */
	| { redirect: string };

/**
 * /reseau's (and its embed's) address, parsed with the explore views' schemas (the API's too: a year or a
 * flag the page accepts, the API accepts). The actors it names (focus, X and Y of a path, the open card) come
 * back named: a shared link shows « Couveuse des Puys » at once, not a number while the answers travel; kind
 * and category come along for the sentences that give the name its article. An unknown actor is a French 404.
 */
export function loadReseauPage(db: Db, params: URLSearchParams, path = '/reseau'): ReseauPage {
	const query = parseParams(exploreSchema, params, EXPLORE_ARRAY_KEYS);
	const { index } = liveGraph(db);
	const names: Record<number, Nameable> = {};
	let bySlug: URLSearchParams | null = null;
	for (const key of ACTOR_KEYS) {
		const ref = query[key];
		if (ref == null) continue;
		const node = index.nodes[resolveActor(index, ref)]!;
		if (typeof ref === 'string') (bySlug ??= new URLSearchParams(params)).set(key, String(node.id));
		names[node.id] = nameable(node);
	}
	if (bySlug) return { redirect: `${path}?${bySlug}` };
	return { redirect: null, query, names };
}
