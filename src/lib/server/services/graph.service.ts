/** The network view (/api/v1/graph), its exports (GEXF, GraphML) and the whole-graph metrics. */
import { GRAPH_ARRAY_KEYS, GRAPH_DEFAULT_LIMIT, graphViewSchema, type GraphViewQuery } from '$lib/domain/graph-query';
import type { ExportGraph } from '$lib/graph/export-model';
import { writeGexf } from '$lib/graph/gexf';
import { writeGraphml } from '$lib/graph/graphml';
import { topPositions } from '$lib/graph/metrics';
import { buildView } from '$lib/graph/view';
import { countOf, frenchSpacing } from '$lib/domain/french';
import { edgeLabel } from '$lib/graph/export-model';
import type { Db } from '../db';
import { csvFile } from '../export/csv';
import { JsonText } from '../export/json-text';
import { graphIsStale, liveGraph, liveMetrics, type LiveGraph } from '../graph/graph-cache';
import { actorJson, allowedMask, edgeJson, relationMask, resolveActor } from './graph-view';
import { parseParams } from './params';
import { hasActiveFilters } from '$lib/domain/filter-params';
import { graphRevision } from '../repos/graph.repo';
import { dataRevision } from '../cache/revision-cache';

export const parseGraphView = (params: URLSearchParams) => parseParams(graphViewSchema, params, GRAPH_ARRAY_KEYS);

export function viewOf(db: Db, graph: LiveGraph, q: GraphViewQuery) {
	const { index } = graph;
	const focus = q.focus === undefined ? undefined : resolveActor(index, q.focus);
	return buildView(index, {
		allowed: allowedMask(db, index, q),
		mask: relationMask(index, q),
		focus,
		depth: q.depth,
		limit: q.limit,
		connectedOnly: q.connected
	});
}

/**
 * Actors of the filtered set and the usable relations among them. Relation filters (type, year,
 * confirmed) narrow the relations, not the actors; `focus` keeps an actor's neighbourhood; `limit` keeps
 * the most related actors (degree within the view).
 */
export function graphView(db: Db, params: URLSearchParams) {
	const parsed = parseGraphView(params);
	const q = { ...parsed, limit: parsed.limit ?? GRAPH_DEFAULT_LIMIT };
	const graph = liveGraph(db);
	const { index } = graph;
	const view = viewOf(db, graph, q);
	return {
		revision: graph.revision,
		stale: graphIsStale(db, graph),
		nodes: view.nodes.map((p) => {
			const n = index.nodes[p]!;
			return {
				id: n.id,
				slug: n.slug,
				label: n.label,
				kind: n.kind,
				category: n.category,
				communeCode: n.communeCode,
				communeName: n.communeName,
				lon: n.lon,
				lat: n.lat,
				degree: view.degree.get(p) ?? 0,
				coverage: n.coverage ?? 0
			};
		}),
		edges: view.edges.map((k) => edgeJson(index, index.edges[k]!)),
		total: view.total,
		truncated: view.truncated,
		years: graph.years
	};
}

/**
 * What /api/v1/graph's answer depends on, for keeping it (see apiGet): the index served and whether it is an
 * earlier revision's (so a build finishing in the worker is seen at once, without any write), and, when actors
 * are filtered, every write (the free text reads the descriptions, which do not move the graph's revision).
 * Without it, the answer was computed again after each write of any kind: 85 ms at 10,000 actors under load.
 */
export function graphViewVersion(db: Db, params: URLSearchParams): string {
	const q = parseGraphView(params);
	const graph = liveGraph(db);
	const served = `graph ${graph.revision}/${graphRevision(db)}`;
	return hasActiveFilters(q) ? `${served} data ${dataRevision(db)}` : served;
}

export type ExportFormat = 'gexf' | 'graphml';

export function graphExport(db: Db, params: URLSearchParams, format: ExportFormat) {
	const q = parseGraphView(params);
	const graph = liveGraph(db);
	const view = viewOf(db, graph, q);
	const shown = params.toString();
	const data: ExportGraph = {
		nodes: view.nodes.map((p) => graph.index.nodes[p]!),
		edges: view.edges.map((k) => graph.index.edges[k]!),
		description: frenchSpacing(
			`Connecteur Carto : réseau de l'écosystème d'innovation auvergnat, ${countOf(view.nodes.length, 'acteur')} et ${countOf(view.edges.length, 'relation')} ; filtres : ${shown ? decodeURIComponent(shown.replace(/\+/g, ' ')) : 'aucun'}.`
		)
	};
	const body = format === 'gexf' ? writeGexf(data, new Date().toISOString().slice(0, 10)) : writeGraphml(data);
	return {
		body,
		contentType: format === 'gexf' ? 'application/gexf+xml; charset=utf-8' : 'application/graphml+xml; charset=utf-8',
		filename: `connecteur-carto-reseau.${format}`
	};
}

const RELATIONS_CSV_HEADER = ['source_id', 'source_name', 'relation', 'type', 'target_id', 'target_name', 'start_date', 'end_date', 'confirmation', 'citation'];

/**
 * The view's relations as a spreadsheet (next to the actors' CSV: join them on the ids): who, what, whom,
 * when (partial dates as written: « 2019 », « 2019-03 »), whether the other side confirmed, and who says so.
 */
export function relationsCsv(db: Db, params: URLSearchParams) {
	const q = parseGraphView(params);
	const graph = liveGraph(db);
	const { index } = graph;
	const view = viewOf(db, graph, q);
	const rows = view.edges.map((k) => {
		const e = index.edges[k]!;
		const source = index.nodes[index.edgeSource[k]!]!;
		const target = index.nodes[index.edgeTarget[k]!]!;
		return [source.id, source.label, edgeLabel(e, source), e.type, target.id, target.label, e.startDate, e.endDate, e.confirmation, e.sourceRef];
	});
	return csvFile(RELATIONS_CSV_HEADER, rows, 'connecteur-carto-relations.csv');
}

const TOP = 15;
const precise = (x: number) => Number(x.toPrecision(6));

/**
 * Degree, betweenness, PageRank and communities of the whole live graph (cached per revision, computed in a
 * worker thread). Right after a change the previous revision's come back at once with `stale: true`
 * (« calcul en cours »); `fresh` waits for the current revision's.
 */
export async function graphMetrics(db: Db, options: { fresh?: boolean } = {}) {
	const metrics = await liveMetrics(db, options);
	return { ...metricsHead(metrics), ...metricsBody(metrics).value };
}

/**
 * The same answer as JSON text for the API. Its heavy part (one entry per actor) is written once per computed
 * metrics: while new ones are computed, every revision changes only the head (revision, stale), and remaking
 * 100,000 entries and their JSON cost the server's thread 120–220 ms per revision at 100,000 actors (issue 18).
 */
export async function graphMetricsJson(db: Db): Promise<JsonText> {
	const metrics = await liveMetrics(db);
	const head = JSON.stringify(metricsHead(metrics));
	return new JsonText(`${head.slice(0, -1)},${metricsBody(metrics).json.slice(1)}`);
}

type LiveMetricsAnswer = Awaited<ReturnType<typeof liveMetrics>>;

function metricsHead(metrics: LiveMetricsAnswer) {
	return { revision: metrics.revision, stale: metrics.stale, computedMs: metrics.computedMs, betweennessMethod: metrics.betweennessMethod };
}

/** Keyed by the computed arrays, which a stale answer shares with the fresh one it copies. */
const bodies = new WeakMap<object, { value: ReturnType<typeof metricsBodyOf>; json: string }>();

function metricsBody(metrics: LiveMetricsAnswer) {
	let body = bodies.get(metrics.degree);
	if (!body) {
		const value = metricsBodyOf(metrics);
		body = { value, json: JSON.stringify(value) };
		bodies.set(metrics.degree, body);
	}
	return body;
}

function metricsBodyOf(metrics: LiveMetricsAnswer) {
	const nodesIndex = metrics.index;
	const nodes: Record<number, { degree: number; betweenness: number; pagerank: number; community: number }> = {};
	nodesIndex.nodes.forEach((n, i) => {
		nodes[n.id] = {
			degree: metrics.degree[i]!,
			betweenness: precise(metrics.betweenness[i]!),
			pagerank: precise(metrics.pagerank[i]!),
			community: metrics.community[i]!
		};
	});
	const top = (values: ArrayLike<number>) => topPositions(values, TOP).map((i) => ({ ...actorJson(nodesIndex, i), value: precise(values[i] as number) }));
	const leader = new Map<number, number>();
	for (let i = 0; i < nodesIndex.nodes.length; i++) {
		const c = metrics.community[i]!;
		if (c < 0) continue;
		const best = leader.get(c);
		if (best === undefined || metrics.degree[i]! > metrics.degree[best]!) leader.set(c, i);
	}
	return {
		nodes,
		top: { degree: top(metrics.degree), betweenness: top(metrics.betweenness), pagerank: top(metrics.pagerank) },
		communities: metrics.communitySizes.map((size, id) => ({ id, size, label: nodesIndex.nodes[leader.get(id) as number]?.label ?? '' }))
	};
}
