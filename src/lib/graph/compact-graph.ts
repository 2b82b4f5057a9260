/**
 * The whole graph in few bytes (issue 18, « Tout afficher »): /api/v1/graph/compact answers columns
 * instead of one object per actor and relation. Repeated words (kinds, categories, relation types) are said
 * once and referred to by their index; a relation names its ends by their row in `nodes`; positions are
 * rounded to a tenth. Columns of small integers compress well (gzip), and the browser feeds them to its
 * renderer without building 60,000 objects first. What a panel needs about one actor is fetched when it opens.
 */

export interface CompactGraph {
	format: 'compact';
	revision: number;
	/** The graph itself is an earlier revision's, served while the new one is built. */
	stale: boolean;
	/** The positions are an earlier revision's (« calcul en cours »): actors added since stand by their neighbours. */
	positionsStale: boolean;
	total: number;
	truncated: boolean;
	years: number[];
	kinds: string[];
	categories: string[];
	types: string[];
	nodes: { id: number[]; label: string[]; kind: number[]; category: number[]; degree: number[]; x: number[]; y: number[] };
	/** `source` and `target` are rows of `nodes`. */
	edges: { source: number[]; target: number[]; type: number[] };
}

export interface WholeNode {
	id: number;
	label: string;
	kind: string;
	category: string;
	degree: number;
	x: number;
	y: number;
}

/** A relation by its ends' actor ids. */
export interface WholeEdge {
	source: number;
	target: number;
	type: string;
}

export interface WholeGraph {
	nodes: WholeNode[];
	edges: WholeEdge[];
}

const tenth = (v: number) => Math.round(v * 10) / 10;

/** Words said once, each value replaced by its index. */
function dictionary() {
	const words: string[] = [];
	const at = new Map<string, number>();
	return {
		words,
		code(word: string): number {
			let i = at.get(word);
			if (i === undefined) at.set(word, (i = words.push(word) - 1));
			return i;
		}
	};
}

export function encodeCompact(graph: WholeGraph, meta: Omit<CompactGraph, 'format' | 'kinds' | 'categories' | 'types' | 'nodes' | 'edges'>): CompactGraph {
	const kinds = dictionary();
	const categories = dictionary();
	const types = dictionary();
	const row = new Map<number, number>();
	const nodes: CompactGraph['nodes'] = { id: [], label: [], kind: [], category: [], degree: [], x: [], y: [] };
	graph.nodes.forEach((n, i) => {
		row.set(n.id, i);
		nodes.id.push(n.id);
		nodes.label.push(n.label);
		nodes.kind.push(kinds.code(n.kind));
		nodes.category.push(categories.code(n.category));
		nodes.degree.push(n.degree);
		nodes.x.push(tenth(n.x));
		nodes.y.push(tenth(n.y));
	});
	const edges: CompactGraph['edges'] = { source: [], target: [], type: [] };
	for (const e of graph.edges) {
		const s = row.get(e.source);
		const t = row.get(e.target);
		if (s === undefined || t === undefined) throw new Error(`relation ${e.source}–${e.target} : acteur absent de la vue`);
		edges.source.push(s);
		edges.target.push(t);
		edges.type.push(types.code(e.type));
	}
	return { format: 'compact', ...meta, kinds: kinds.words, categories: categories.words, types: types.words, nodes, edges };
}

/** Back to one object per actor and relation (tests, and whoever reads the API without a renderer). */
export function decodeCompact(c: CompactGraph): WholeGraph {
	const n = c.nodes;
	const nodes = n.id.map((id, i) => ({
		id,
		label: n.label[i]!,
		kind: c.kinds[n.kind[i]!]!,
		category: c.categories[n.category[i]!]!,
		degree: n.degree[i]!,
		x: n.x[i]!,
		y: n.y[i]!
	}));
	const edges = c.edges.source.map((s, k) => ({ source: n.id[s]!, target: n.id[c.edges.target[k]!]!, type: c.types[c.edges.type[k]!]! }));
	return { nodes, edges };
}
