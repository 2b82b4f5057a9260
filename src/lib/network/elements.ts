import type { ElementDefinition } from 'cytoscape';
import type { GraphEdge, GraphNode, GraphResponse, MetricId, MetricsResponse } from './api-types';
import { COMMUNITY_COLORS, edgeColor, isDirected, kindColor, kindShape, labelFont, OTHER_COMMUNITY_COLOR } from './graph-style';
import type { ColourBy, SizeBy } from '$lib/domain/explore-params';

export type { ColourBy, SizeBy } from '$lib/domain/explore-params';

export interface Appearance {
	size: number;
	color: string;
	shape: string;
}

export const MIN_SIZE = 12;
export const MAX_SIZE = 46;

/** A metric's value for a node: the graph API's own degree when the metrics have not arrived yet. */
export function metricValue(node: GraphNode, metric: MetricId | 'coverage', metrics: MetricsResponse | null): number {
	if (metric === 'coverage') return node.coverage ?? 0;
	const m = metrics?.nodes[String(node.id)];
	if (m) return m[metric] ?? 0;
	return metric === 'degree' ? (node.degree ?? 0) : 0;
}

/** Area proportional to the value (sqrt), so that a node twice as central does not look four times bigger. */
export function sizeScale(values: number[]): (v: number) => number {
	const max = Math.max(0, ...values);
	if (max <= 0) return () => (MIN_SIZE + MAX_SIZE) / 3;
	return (v) => MIN_SIZE + (MAX_SIZE - MIN_SIZE) * Math.sqrt(Math.max(0, v) / max);
}

/** Community -> colour: the ten largest communities get a colour each, the rest share grey. */
export function communityPalette(metrics: MetricsResponse | null): (community: number | undefined) => string {
	const ranked = [...(metrics?.communities ?? [])].sort((a, b) => b.size - a.size).slice(0, COMMUNITY_COLORS.length);
	const colours = new Map(ranked.map((c, i) => [c.id, COMMUNITY_COLORS[i] as string]));
	return (community) => (community == null ? OTHER_COMMUNITY_COLOR : (colours.get(community) ?? OTHER_COMMUNITY_COLOR));
}

/** Size, colour and shape of every node for the chosen encodings (one pass, for a batch update). */
export function appearances(nodes: GraphNode[], metrics: MetricsResponse | null, sizeBy: SizeBy, colourBy: ColourBy): Map<number, Appearance> {
	const values = sizeBy === 'none' ? [] : nodes.map((n) => metricValue(n, sizeBy, metrics));
	const scale = sizeBy === 'none' ? () => 18 : sizeScale(values);
	const palette = communityPalette(metrics);
	const out = new Map<number, Appearance>();
	nodes.forEach((n, i) => {
		const color = colourBy === 'community' ? palette(metrics?.nodes[String(n.id)]?.community) : kindColor(n.kind);
		out.set(n.id, { size: Math.round(scale(values[i] ?? 0) * 10) / 10, color, shape: kindShape(n.kind) });
	});
	return out;
}

const yearOf = (date: string | null | undefined): number | null => {
	const y = date ? Number(date.slice(0, 4)) : NaN;
	return Number.isFinite(y) ? y : null;
};

/** A relation is active in a year when it started that year or before and had not ended before it. Undated relations always count. */
export function activeInYear(edge: Partial<Pick<GraphEdge, 'startDate' | 'endDate'>>, year: number | null): boolean {
	if (year == null) return true;
	const start = yearOf(edge.startDate);
	const end = yearOf(edge.endDate);
	return (start == null || start <= year) && (end == null || end >= year);
}

/** The span of years the relations cover, for the time slider (the server's answer when it gives one). */
export function yearSpan(graph: Pick<GraphResponse, 'edges' | 'years'>): [number, number] | null {
	const [first, last] = graph.years ?? [];
	if (first != null && last != null) return [first, Math.max(first, Math.min(last, new Date().getFullYear()))];
	let min = Infinity;
	let max = -Infinity;
	for (const e of graph.edges) {
		for (const y of [yearOf(e.startDate), yearOf(e.endDate)]) {
			if (y == null) continue;
			min = Math.min(min, y);
			max = Math.max(max, y);
		}
	}
	// Planned end dates reach into the future: the slider stops at this year.
	return Number.isFinite(min) ? [min, Math.max(min, Math.min(max, new Date().getFullYear()))] : null;
}

export const nodeKey = (id: number | string): string => `n${id}`;
export const edgeKey = (id: number | string): string => `e${id}`;

/** The render graph derived from the API's dataset: Cytoscape element definitions, with no position (layouts set them). */
export function buildElements(graph: GraphResponse, looks: Map<number, Appearance>): ElementDefinition[] {
	const present = new Set(graph.nodes.map((n) => n.id));
	const nodes: ElementDefinition[] = graph.nodes.map((n) => {
		const look = looks.get(n.id) ?? { size: 18, color: kindColor(n.kind), shape: kindShape(n.kind) };
		// A scattered start (layouts move them): Cytoscape warns about edges between nodes on the same spot.
		const position = { x: (n.id * 7919) % 1999, y: (n.id * 104729) % 1997 };
		return {
			group: 'nodes',
			data: {
				id: nodeKey(n.id),
				entityId: n.id,
				label: n.label,
				kind: n.kind,
				category: n.category,
				communeName: n.communeName ?? null,
				namedFont: labelFont(look.size),
				...look
			},
			position
		};
	});
	const edges: ElementDefinition[] = graph.edges
		.filter((e) => present.has(e.source) && present.has(e.target))
		.map((e) => ({
			group: 'edges',
			data: { id: edgeKey(e.id), source: nodeKey(e.source), target: nodeKey(e.target), type: e.type, color: edgeColor(e.type) },
			classes: [isDirected(e.type) ? 'directed' : '', e.confirmation && e.confirmation !== 'confirmed' ? e.confirmation : ''].filter(Boolean).join(' ')
		}));
	return [...nodes, ...edges];
}

/** Which nodes and edges the year hides: inactive edges, and the nodes left with no active relation. */
export function inactiveInYear(
	graph: { nodes: Pick<GraphNode, 'id'>[]; edges: Pick<GraphEdge, 'id' | 'source' | 'target' | 'startDate' | 'endDate'>[] },
	year: number | null
): { nodes: Set<number>; edges: Set<number> } {
	const edges = new Set<number>();
	const nodes = new Set<number>();
	if (year == null) return { nodes, edges };
	const live = new Set<number>();
	for (const e of graph.edges) {
		if (activeInYear(e, year)) {
			live.add(e.source);
			live.add(e.target);
		} else edges.add(e.id);
	}
	for (const n of graph.nodes) if (!live.has(n.id)) nodes.add(n.id);
	return { nodes, edges };
}
