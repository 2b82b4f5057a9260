import { m } from '$lib/paraglide/messages';
import { sankey, sankeyLinkHorizontal, type SankeyGraph } from 'd3-sankey';
import type { FlowLink, FlowNode } from '$lib/pathways/types';
import { categoryColor } from './flow-colors';

/**
 * Places the flows in columns (step rank 1, 2, 3, 4+) with d3-sankey, for Svelte to draw as plain SVG on
 * the server and in the browser alike. Pure: no DOM, same input, same output.
 */

/** A node may say which category it belongs to (level=structure); otherwise its key is the category. */
export type FlowNodeInput = FlowNode & { category?: string | null };

export interface LaidNode {
	id: string;
	rank: number;
	key: string;
	label: string;
	count: number;
	x0: number;
	x1: number;
	y0: number;
	y1: number;
	color: string;
	/** Labels sit right of their node; the last column's go into the room kept on the right. */
	labelX: number;
}

export interface LaidLink {
	source: LaidNode;
	target: LaidNode;
	count: number;
	/** SVG path of the band's centre line; the band is drawn as a stroke `width` wide. */
	path: string;
	width: number;
	color: string;
}

export interface FlowColumn {
	rank: number;
	/** Left edge and horizontal centre of the column's nodes. */
	x0: number;
	x: number;
}

export interface FlowLayout {
	width: number;
	height: number;
	columns: FlowColumn[];
	nodes: LaidNode[];
	links: LaidLink[];
	/** Links the columns cannot show (within the « 4e étape et au-delà » column): they stay in the table. */
	hiddenLinks: number;
	/** Longest label (characters, count included) that fits before the next column. */
	labelChars: number;
}

export interface FlowLayoutOptions {
	width?: number;
	nodeWidth?: number;
	/** Vertical gap between two nodes of a column: at least one line of label. */
	nodePadding?: number;
	/** Room above the nodes for the column headings, and below for the last label's descent. */
	top?: number;
	bottom?: number;
	/** Room right of the last column for its labels. */
	labelRoom?: number;
	minHeight?: number;
}

type N = { id: string; index: number; fixedValue: number };
type L = { count: number };

export function layoutFlows(nodes: FlowNodeInput[], links: FlowLink[], options: FlowLayoutOptions = {}): FlowLayout {
	const { width = 1100, nodeWidth = 14, nodePadding = 20, top = 34, bottom = 12, labelRoom = 230, minHeight = 260 } = options;
	const ranks = [...new Set(nodes.map((n) => n.rank))].sort((a, b) => a - b);
	const column = new Map(ranks.map((r, i) => [r, i]));
	const byId = new Map(nodes.map((n) => [n.id, n]));
	// Only forward links can be drawn between columns; a self-loop or a link inside the last column
	// (4th step to 5th) would make d3-sankey throw « circular link ».
	const drawable = links.filter((l) => {
		const s = byId.get(l.source);
		const t = byId.get(l.target);
		return s && t && l.count > 0 && s.rank < t.rank;
	});
	const perColumn = ranks.map((r) => nodes.filter((n) => n.rank === r).length);
	// Room for every node's label plus some thickness, so that counts stay comparable by eye.
	const height = Math.max(minHeight, top + bottom + Math.max(0, ...perColumn) * (nodePadding + 18));
	const right = width - labelRoom;
	const step = ranks.length > 1 ? (right - nodeWidth) / (ranks.length - 1) : 0;
	// About 7 units per character at the 13-unit font the diagram uses.
	const labelChars = Math.max(12, Math.floor(((ranks.length > 1 ? Math.min(step, labelRoom + nodeWidth) : labelRoom + nodeWidth) - nodeWidth - 16) / 7));
	const empty: FlowLayout = { width, height, columns: [], nodes: [], links: [], hiddenLinks: links.length - drawable.length, labelChars };
	if (nodes.length === 0) return empty;

	// A node is as tall as its project count, never shorter than its bands (d3-sankey's default).
	const sums = new Map<string, { in: number; out: number }>();
	for (const l of drawable) {
		const s = sums.get(l.source) ?? { in: 0, out: 0 };
		s.out += l.count;
		sums.set(l.source, s);
		const t = sums.get(l.target) ?? { in: 0, out: 0 };
		t.in += l.count;
		sums.set(l.target, t);
	}
	const graph: SankeyGraph<N, L> = {
		nodes: nodes.map((n, index) => ({ id: n.id, index, fixedValue: Math.max(n.count, sums.get(n.id)?.in ?? 0, sums.get(n.id)?.out ?? 0, 1) })),
		links: drawable.map((l) => ({ source: l.source, target: l.target, value: l.count, count: l.count }))
	};
	const input = (i: number | undefined) => nodes[i ?? 0] as FlowNodeInput;
	const laid = sankey<N, L>()
		.nodeId((n) => n.id)
		.nodeWidth(nodeWidth)
		.nodePadding(nodePadding)
		// Columns are the step ranks, not the graph depth: a rank with no incoming link stays in its column.
		.nodeAlign((n) => column.get(input(n.index).rank) ?? 0)
		// Biggest first in each column, then d3-sankey's relaxation untangles the bands.
		.nodeSort((a, b) => input(b.index).count - input(a.index).count || input(a.index).label.localeCompare(input(b.index).label, 'fr'))
		.extent([
			[0, top],
			[right, height - bottom]
		])(graph);

	// d3-sankey merges the last columns when no pathway crosses them all: put every node back under its rank.
	const xOf = (rank: number) => (column.get(rank) ?? 0) * step;
	const out = new Map<string, LaidNode>();
	for (const n of laid.nodes) {
		const src = input(n.index);
		const x0 = xOf(src.rank);
		out.set(src.id, {
			id: src.id,
			rank: src.rank,
			key: src.key,
			label: src.label,
			count: src.count,
			x0,
			x1: x0 + nodeWidth,
			y0: n.y0 ?? 0,
			y1: n.y1 ?? 0,
			color: categoryColor(src.category ?? src.key),
			labelX: x0 + nodeWidth + 6
		});
		n.x0 = x0;
		n.x1 = x0 + nodeWidth;
	}
	const linkPath = sankeyLinkHorizontal<N, L>();
	const laidLinks: LaidLink[] = laid.links.map((l) => {
		const source = out.get((l.source as N).id) as LaidNode;
		return {
			source,
			target: out.get((l.target as N).id) as LaidNode,
			count: l.count,
			path: linkPath(l) ?? '',
			width: Math.max(1, l.width ?? 0),
			color: source.color
		};
	});
	return {
		...empty,
		columns: ranks.map((rank) => ({ rank, x0: xOf(rank), x: xOf(rank) + nodeWidth / 2 })),
		nodes: [...out.values()],
		// Wide bands first (underneath), so that the thin ones stay visible on top.
		links: laidLinks.sort((a, b) => b.width - a.width)
	};
}

/** « 1re étape », « 2e étape », « 4e étape et au-delà » / « 1st step », « 4th step and beyond » (rank 4 gathers the later steps). */
export function rankHeading(rank: number, lastRank = 4): { ordinal: string; suffix: string; rest: string } {
	return { ordinal: String(rank), suffix: m.pathways_rank_suffix({ rank }), rest: rank >= lastRank ? m.pathways_rank_rest_last() : m.pathways_rank_rest() };
}

export const rankLabel = (rank: number): string => {
	const h = rankHeading(rank);
	return `${h.ordinal}${h.suffix}${h.rest}`;
};
