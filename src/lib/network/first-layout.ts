/**
 * Where a view's nodes stand first, computed once by the server for both pictures of it: the static SVG
 * preview the page shows at once, and Cytoscape's first frame when it takes over. Both therefore show the
 * same layout (no jump from one placement to another at the hand-over); fcose then refines its draft in
 * the browser's worker, gliding from the picture already on screen.
 */
import type cytoscapeLib from 'cytoscape';
import type { LayoutId } from '$lib/domain/explore-params';
import { categoryLabel } from '$lib/domain/vocabulary';
import type { GraphNode, MetricId, MetricsResponse } from './api-types';
import { metricValue, nodeKey } from './elements';
import { fcoseOptions } from './fcose-options';
import { NAMED_VIEW, nodeBox, runFcose, withSeed } from './fcose-run';
import type { Positions } from './node-positions';
import { concentricPositions, geoPositions, groupedPositions, type GroupLabel, type Point } from './positions';

export interface FirstLayout {
	layout: LayoutId;
	/** By node element id (`n12`). */
	positions: Positions;
	/** The « groupés par catégorie » layout's group names. */
	labels: GroupLabel[];
}

export interface FirstLayoutInput {
	nodes: Pick<GraphNode, 'id' | 'label' | 'kind' | 'category' | 'lon' | 'lat' | 'degree'>[];
	edges: { source: number; target: number }[];
	layout: LayoutId;
	centrality: MetricId;
	metrics: MetricsResponse | null;
	/** Node diameters (as drawn), by entity id. */
	sizes: Map<number, number>;
	/** The groups' names in the page's language (French unless told). */
	category?: (code: string) => string;
}

const keyed = (positions: Map<number, Point>): Positions =>
	Object.fromEntries([...positions].map(([id, p]) => [nodeKey(id), [Math.round(p.x * 10) / 10, Math.round(p.y * 10) / 10]]));

/** The group's name above its disc: its category and count, « Incubateur (12) ». */
export const groupName = (category: (code: string) => string, key: string, count: number): string => `${category(key)} (${count})`;

/**
 * The grouped layout: the most related (within the view) at the centre of each category's disc. Its names are
 * French unless told (`category`: the English page's labels; the server's preview follows its `lang`).
 */
export function groupedLayout(nodes: FirstLayoutInput['nodes'], category: (code: string) => string = categoryLabel) {
	const { positions, labels } = groupedPositions(
		nodes.map((n) => ({ id: n.id, group: n.category, weight: n.degree ?? 0 })),
		(key, count) => groupName(category, key, count)
	);
	return { positions, labels };
}

/** The concentric layout: ranked by the chosen centrality (whole-graph metrics when known). */
export function concentricLayout(nodes: FirstLayoutInput['nodes'], centrality: MetricId, metrics: MetricsResponse | null, sizes: Map<number, number>) {
	const ranked = [...nodes].sort((a, b) => metricValue(b as GraphNode, centrality, metrics) - metricValue(a as GraphNode, centrality, metrics) || a.id - b.id);
	return concentricPositions(ranked.map((n) => ({ id: n.id, size: sizes.get(n.id) ?? 18 })));
}

let fcoseReady: Promise<typeof cytoscapeLib> | null = null;
/** Cytoscape with fcose, loaded on first use only (the server needs it for fcose views alone). */
function cytoscapeWithFcose() {
	fcoseReady ??= Promise.all([import('cytoscape'), import('cytoscape-fcose')]).then(([c, f]) => {
		c.default.use(f.default);
		return c.default;
	});
	return fcoseReady;
}

export async function firstLayout(input: FirstLayoutInput): Promise<FirstLayout> {
	const { nodes, edges, layout } = input;
	if (layout === 'geo') return { layout, positions: keyed(geoPositions(nodes)), labels: [] };
	if (layout === 'grouped') {
		const { positions, labels } = groupedLayout(nodes, input.category);
		return { layout, positions: keyed(positions), labels };
	}
	if (layout === 'concentric') return { layout, positions: keyed(concentricLayout(nodes, input.centrality, input.metrics, input.sizes)), labels: [] };
	const cytoscape = await cytoscapeWithFcose();
	const present = new Set(nodes.map((n) => n.id));
	let positions: Positions = {};
	// The spectral draft only (a few hundred ms for the demo graph): the browser refines it.
	withSeed(nodes.length * 7919 + edges.length, () =>
		runFcose(
			cytoscape,
			{
				nodes: nodes.map((n) => ({ id: nodeKey(n.id), ...nodeBox(input.sizes.get(n.id) ?? 18, n.label, nodes.length <= NAMED_VIEW) })),
				edges: edges.filter((e) => present.has(e.source) && present.has(e.target)).map((e) => [nodeKey(e.source), nodeKey(e.target)])
			},
			(_phase, p) => (positions = p),
			true
		)
	);
	return { layout, positions: atEdgeLength(positions, edges), labels: [] };
}

/**
 * The spectral draft comes out at no particular scale (often a few times too tight): scaled so that its
 * median relation is fcose's ideal length, it is the size the refinement keeps, so the refinement glides
 * instead of zooming, and the first frame is not drawn at a zoom where 500 labels would be written at once.
 */
export function atEdgeLength(positions: Positions, edges: { source: number; target: number }[], ideal = fcoseOptions(0, 'final').idealEdgeLength()): Positions {
	const lengths = edges
		.map((e) => [positions[nodeKey(e.source)], positions[nodeKey(e.target)]])
		.filter((p): p is [[number, number], [number, number]] => Boolean(p[0] && p[1]))
		.map(([a, b]) => Math.hypot(a[0] - b[0], a[1] - b[1]))
		.filter((d) => d > 0)
		.sort((a, b) => a - b);
	const median = lengths[Math.floor(lengths.length / 2)];
	if (!median) return positions;
	const k = ideal / median;
	return Object.fromEntries(Object.entries(positions).map(([id, [x, y]]) => [id, [Math.round(x * k * 10) / 10, Math.round(y * k * 10) / 10]]));
}
