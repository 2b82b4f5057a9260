/**
 * The network's aggregated view (/api/v1/graph/groups, /reseau above GROUP_THRESHOLD actors): actors gathered by
 * community, EPCI, département or category; opened groups and a path's steps drawn actor by actor. Who belongs
 * where is worked out once per graph revision (communities come from the metrics, computed in a worker); each
 * answer is one pass over the relations (aggregate.ts; in a worker thread for large graphs), and the API keeps
 * answers per data revision.
 */
import { aggregateAndPlace, placeMembers, type AggregateInput, type PlacedAggregate, type SuperEdge } from '$lib/graph/aggregate';
import { GROUP_MEMBER_CAP, GROUP_THRESHOLD, GROUPS_ARRAY_KEYS, graphGroupsSchema, type GroupBy } from '$lib/domain/graph-groups';
import type { GraphGroupsResponse } from '$lib/domain/api/groups-response';
import type { GraphIndex } from '$lib/graph/graph-index';
import { vocabularyIn } from '$lib/domain/vocabulary';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import type { Db } from '../db';
import { graphIsStale, liveGraph, liveMetrics } from '../graph/graph-cache';
import { aggregateInWorker, GROUPS_WORKER_FROM } from '../graph/groups-worker';
import { communeParents } from '../repos/territory.repo';
import { allowedMask, relationMask, resolveActor } from './graph-view';
import { parseParams } from './params';
import { entityCount } from './entity-counts';
import type { EntityFilters } from '$lib/domain/filters';

/** The key of the actors a grouping cannot place (no community, no commune, no category). */
const NONE = 'sans';

/** Who belongs where in one revision's graph, for one grouping. */
interface Grouping {
	index: GraphIndex;
	revision: number;
	stale: boolean;
	/** Group of each node position (every actor has one; NONE's included). */
	nodeGroup: Int32Array;
	keys: string[];
	/** Each group's most related actor (node position). */
	hubs: number[];
	/** Territory names by code (EPCI, département). */
	names: Map<string, string>;
}

const kept = new WeakMap<Db, Map<GroupBy, Grouping>>();
const edgeTypes = new WeakMap<GraphIndex, { edgeType: Uint8Array; typeNames: string[] }>();

function typesOf(index: GraphIndex) {
	let types = edgeTypes.get(index);
	if (!types) {
		const typeNames: string[] = [];
		const position = new Map<string, number>();
		const edgeType = new Uint8Array(index.edges.length);
		index.edges.forEach((e, k) => {
			let t = position.get(e.type);
			if (t === undefined) position.set(e.type, (t = typeNames.push(e.type) - 1));
			edgeType[k] = t;
		});
		edgeTypes.set(index, (types = { edgeType, typeNames }));
	}
	return types;
}

const degreeOf = (index: GraphIndex, p: number) => index.offsets[p + 1]! - index.offsets[p]!;

function groupBy(index: GraphIndex, revision: number, keyOf: (p: number) => string, stale: boolean, names = new Map<string, string>()): Grouping {
	const keys: string[] = [];
	const at = new Map<string, number>();
	const nodeGroup = new Int32Array(index.nodes.length);
	const hubs: number[] = [];
	for (let p = 0; p < index.nodes.length; p++) {
		const key = keyOf(p);
		let g = at.get(key);
		if (g === undefined) {
			at.set(key, (g = keys.push(key) - 1));
			hubs.push(p);
		}
		nodeGroup[p] = g;
		if (degreeOf(index, p) > degreeOf(index, hubs[g]!)) hubs[g] = p;
	}
	return { index, revision, stale, nodeGroup, keys, hubs, names };
}

async function groupingFor(db: Db, by: GroupBy): Promise<Grouping> {
	// Communities describe the metrics' graph (maybe the previous revision's, while the new one is computed).
	const metrics = by === 'community' ? await liveMetrics(db) : null;
	const graph = liveGraph(db);
	const index = metrics?.index ?? graph.index;
	let byDb = kept.get(db);
	if (!byDb) kept.set(db, (byDb = new Map()));
	const current = byDb.get(by);
	if (current && current.index === index) return { ...current, stale: metrics?.stale ?? graphIsStale(db, graph) };
	let grouping: Grouping;
	if (metrics) grouping = groupBy(index, metrics.revision, (p) => (metrics.community[p]! < 0 ? NONE : String(metrics.community[p])), metrics.stale);
	else if (by === 'category') grouping = groupBy(index, graph.revision, (p) => index.nodes[p]!.category || NONE, graphIsStale(db, graph));
	else {
		const { communes, names } = communeParents(db);
		const parent = new Map(communes.map((c) => [c.code, by === 'epci' ? c.epci : c.departement]));
		grouping = groupBy(
			index,
			graph.revision,
			(p) => parent.get(index.nodes[p]!.communeCode ?? '') ?? NONE,
			graphIsStale(db, graph),
			new Map(names.map((t) => [t.code, t.kind === 'departement' ? `${t.name} (${t.code})` : t.name]))
		);
	}
	byDb.set(by, grouping);
	return grouping;
}

function groupLabel(by: GroupBy, grouping: Grouping, g: number): string {
	const key = grouping.keys[g]!;
	if (key === NONE) return by === 'community' ? m.network_group_alone() : by === 'category' ? m.network_group_no_category() : m.network_group_no_place();
	if (by === 'community') return m.network_group_around({ name: grouping.index.nodes[grouping.hubs[g]!]!.label });
	if (by === 'category') return vocabularyIn(getLocale()).category(key);
	return grouping.names.get(key) ?? key;
}

/** Lines from one actor drawn on its own to closed groups, at most: its strongest ties (the groups' own lines count them all). */
const LINKS_PER_ACTOR = 4;

/**
 * Every line between groups, and each shown actor's strongest lines to closed groups: an opened group of 200
 * actors, each related to a dozen groups, would otherwise draw thousands of lines, a picture of nothing again.
 */
function readableLinks(edges: SuperEdge[]): SuperEdge[] {
	const byActor = new Map<number, SuperEdge[]>();
	const kept: SuperEdge[] = [];
	for (const e of edges) {
		const actor = 'actor' in e.a ? e.a.actor : 'actor' in e.b ? e.b.actor : null;
		if (actor === null) kept.push(e);
		else byActor.set(actor, [...(byActor.get(actor) ?? []), e]);
	}
	for (const list of byActor.values()) kept.push(...list.sort((a, b) => b.weight - a.weight).slice(0, LINKS_PER_ACTOR));
	return kept;
}

/** Members of an opened group start past this spot when some stay in its node (drawn in the middle). */
const REST_SKIP = 9;

export async function graphGroups(db: Db, params: URLSearchParams): Promise<GraphGroupsResponse> {
	const q = parseParams(graphGroupsSchema, params, GROUPS_ARRAY_KEYS);
	const grouping = await groupingFor(db, q.by);
	const { index } = grouping;
	const n = index.nodes.length;
	const allowed = allowedMask(db, index, q);
	const edgeMask = relationMask(index, q);
	const { edgeType, typeNames } = typesOf(index);

	// The filtered actors (without those left alone when isolated ones are hidden), groups renumbered densely.
	const keep = new Uint8Array(n);
	for (let p = 0; p < n; p++) keep[p] = !allowed || allowed[p] ? 1 : 0;
	if (q.connected) {
		const linked = new Uint8Array(n);
		for (let k = 0; k < index.edges.length; k++)
			if ((!edgeMask || edgeMask[k]) && keep[index.edgeSource[k]!] && keep[index.edgeTarget[k]!])
				linked[index.edgeSource[k]!] = linked[index.edgeTarget[k]!] = 1;
		for (let p = 0; p < n; p++) keep[p] &&= linked[p]!;
	}
	const sizes = new Map<number, number>();
	for (let p = 0; p < n; p++) if (keep[p]) sizes.set(grouping.nodeGroup[p]!, (sizes.get(grouping.nodeGroup[p]!) ?? 0) + 1);
	// Largest first; ties by key, so the same sizes give the same order.
	const dense = [...sizes.keys()].sort((a, b) => sizes.get(b)! - sizes.get(a)! || (grouping.keys[a]! < grouping.keys[b]! ? -1 : 1));
	const denseOf = new Map(dense.map((g, i) => [g, i]));
	const nodeGroup = new Int32Array(n).fill(-1);
	for (let p = 0; p < n; p++) if (keep[p]) nodeGroup[p] = denseOf.get(grouping.nodeGroup[p]!)!;

	// Opened groups draw their most related members one by one; so are the actors to reveal (a path's steps),
	// their groups staying closed around them.
	const revealed = q.reveal.map((ref) => resolveActor(index, ref)).filter((p) => keep[p]);
	const opened = new Set(q.open.map((key) => denseOf.get(grouping.keys.indexOf(key))).filter((g) => g !== undefined));
	const members = new Map<number, number[]>([...opened].map((g) => [g, []]));
	for (let p = 0; p < n; p++) if (keep[p] && opened.has(nodeGroup[p]!)) members.get(nodeGroup[p]!)!.push(p);
	const shown = new Uint8Array(n);
	for (const list of members.values()) {
		list.sort((a, b) => degreeOf(index, b) - degreeOf(index, a) || a - b);
		for (const p of list.slice(0, GROUP_MEMBER_CAP)) shown[p] = 1;
	}
	for (const p of revealed) shown[p] = 1;

	const input: AggregateInput = {
		n,
		edgeSource: index.edgeSource,
		edgeTarget: index.edgeTarget,
		edgeType,
		typeNames,
		nodeGroup,
		groupCount: dense.length,
		shown,
		edgeMask
	};
	const agg: PlacedAggregate =
		n >= GROUPS_WORKER_FROM && !db.$client.memory
			? await aggregateInWorker(input, GROUP_MEMBER_CAP, REST_SKIP)
			: aggregateAndPlace(input, GROUP_MEMBER_CAP, REST_SKIP);

	// Where groups stand depends on their sizes only: opening one moves nothing else.
	const { spots, radii } = agg;
	const unitId = (u: { group: number } | { actor: number }) => ('group' in u ? `g:${grouping.keys[dense[u.group]!]}` : `n${index.nodes[u.actor]!.id}`);

	const memberRows: GraphGroupsResponse['members'] = [];
	for (const [g, list] of members) {
		const drawn = list.filter((p) => shown[p]).sort((a, b) => (agg.degree.get(b) ?? 0) - (agg.degree.get(a) ?? 0) || a - b);
		placeMembers(spots[g]!, drawn.length, agg.groupRest[g]! > 0 ? REST_SKIP : 0).forEach((at, j) => {
			const node = index.nodes[drawn[j]!]!;
			memberRows.push([node.id, node.label, node.kind, g, at.x, at.y, agg.degree.get(drawn[j]!) ?? 0]);
		});
	}
	// A revealed actor of a closed group: on a ring just outside its group's node, in the order asked.
	const around = new Map<number, number>();
	for (const p of revealed) {
		const g = nodeGroup[p]!;
		if (opened.has(g)) continue;
		const j = around.get(g) ?? 0;
		around.set(g, j + 1);
		const angle = -Math.PI / 2 + j * 0.9;
		const node = index.nodes[p]!;
		const at = { x: Math.round(spots[g]!.x + 0.6 * radii[g]! * Math.cos(angle)), y: Math.round(spots[g]!.y + 0.6 * radii[g]! * Math.sin(angle)) };
		memberRows.push([node.id, node.label, node.kind, g, at.x, at.y, agg.degree.get(p) ?? 0]);
	}

	return {
		revision: grouping.revision,
		stale: grouping.stale,
		by: q.by,
		grouped: agg.actors > GROUP_THRESHOLD,
		threshold: GROUP_THRESHOLD,
		actors: agg.actors,
		relations: agg.relationCount,
		groups: dense.map((g0, g) => ({
			key: grouping.keys[g0]!,
			id: `g:${grouping.keys[g0]}`,
			label: groupLabel(q.by, grouping, g0),
			size: agg.groupSize[g]!,
			rest: agg.groupRest[g]!,
			inner: agg.groupInner[g]!,
			open: opened.has(g),
			x: spots[g]!.x,
			y: spots[g]!.y,
			r: Math.round(radii[g]!),
			hub: { id: index.nodes[grouping.hubs[g0]!]!.id, label: index.nodes[grouping.hubs[g0]!]!.label }
		})),
		members: memberRows,
		links: readableLinks(agg.superEdges).map((e) => [unitId(e.a), unitId(e.b), e.weight, e.byType]),
		edges: agg.relations.map((k) => {
			const e = index.edges[k]!;
			return [e.id, e.source, e.target, e.type];
		})
	};
}

/**
 * Whether /reseau opens grouped for these filters (the page's first render, before any answer): more actors
 * than the threshold. A count kept per revision and filter; the groups' answer then says it exactly (relation
 * filters may leave fewer actors).
 */
export function opensGrouped(db: Db, filters: EntityFilters): boolean {
	return entityCount(db, filters) > GROUP_THRESHOLD;
}
