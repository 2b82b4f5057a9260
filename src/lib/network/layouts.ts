import type { Core, ElementDefinition, NodeSingular } from 'cytoscape';
import type { GraphResponse, MetricId, MetricsResponse } from './api-types';
import { nodeKey } from './elements';
import type { FcoseRequest, FcoseResult } from './fcose-options';
import { NAMED_VIEW, nodeBox } from './fcose-run';
import { concentricLayout, groupedLayout, groupName, type FirstLayout } from './first-layout';
import type { Positions } from './node-positions';
import { graphProbe } from './probe';
import { geoPositions, type GroupLabel, type Point } from './positions';
import type { LayoutId } from '$lib/domain/explore-params';
import { vocabularyIn } from '$lib/domain/vocabulary';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';

export interface LayoutContext {
	graph: GraphResponse;
	metrics: MetricsResponse | null;
	/** The centrality the concentric layout ranks by. */
	centrality: MetricId;
	/** Animate the move (small graphs, after the first frame). */
	animate: boolean;
	/** The server's first positions for this dataset and layout (the preview's): the first frame uses them. */
	seed?: FirstLayout | null;
	/** Called once the nodes first stand somewhere readable (the fcose draft, or the layout itself). */
	onPlaced?: () => void;
	/**
	 * fcose's refinement of the server's draft waits for this (the explorer: its map's first idle): the glide's
	 * frames would otherwise take the two slow cores from the map while it draws its first picture.
	 */
	refineAfter?: Promise<unknown>;
}

/** Gephi Lite-style registry: the page builds its layout menu from these descriptors. */
export interface LayoutDescriptor {
	id: LayoutId;
	/** Said in the page's language when asked. */
	label: () => string;
	description: () => string;
	run: (cy: Core, ctx: LayoutContext) => Promise<void>;
}

/** Elements a layout adds for itself (group labels); removed before the next layout. */
const DECOR = 'decor';
const FIT_PADDING = 30;
/** A small view (a focus, a short path) is not blown up past this zoom: names stay a reading size. */
const FIT_MAX_ZOOM = 1.4;

const toPoints = (positions: Positions) => new Map(Object.entries(positions).map(([k, [x, y]]) => [k, { x, y }]));
const byKey = (positions: Map<number, Point>) => new Map([...positions].map(([id, p]) => [nodeKey(id), p]));

/**
 * Frames the actors' discs (with their names in a small view) and the group names, as the server's SVG
 * preview frames them: the hand-over from the preview to Cytoscape does not move the picture. `at` gives the
 * positions the nodes are moving to (an animated layout), by default where they stand.
 */
export function fitView(cy: Core, animate = false, at?: Map<string, Point>) {
	const box = { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity };
	const grow = (x1: number, y1: number, x2: number, y2: number) => {
		box.x1 = Math.min(box.x1, x1);
		box.y1 = Math.min(box.y1, y1);
		box.x2 = Math.max(box.x2, x2);
		box.y2 = Math.max(box.y2, y2);
	};
	const named = cy.nodes().not(`.${DECOR}`).not('.inactive').length <= NAMED_VIEW;
	cy.nodes().forEach((n) => {
		if (n.hasClass(DECOR)) {
			const { x, y } = n.position();
			const font = Number(n.data('font')) || 22;
			const half = (Number(n.data('width')) || 0) / 2;
			return void grow(x - half, y - 2.4 * font, x + half, y);
		}
		if (n.hasClass('inactive')) return;
		const p = at?.get(n.id()) ?? n.position();
		const size = Number(n.data('size')) || 18;
		// A small view shows every name in full under its disc: the frame holds them too.
		const box = nodeBox(size, String(n.data('label') ?? ''), named);
		grow(p.x - box.w / 2, p.y - size / 2, p.x + box.w / 2, p.y - size / 2 + box.h);
	});
	if (!Number.isFinite(box.x1)) return;
	const w = Math.max(1, box.x2 - box.x1);
	const h = Math.max(1, box.y2 - box.y1);
	const zoom = Math.min(FIT_MAX_ZOOM, Math.max(cy.minZoom(), Math.min((cy.width() - 2 * FIT_PADDING) / w, (cy.height() - 2 * FIT_PADDING) / h)));
	const pan = { x: (cy.width() - zoom * (box.x1 + box.x2)) / 2, y: (cy.height() - zoom * (box.y1 + box.y2)) / 2 };
	if (animate) cy.animate({ zoom, pan, duration: 450 });
	else cy.viewport({ zoom, pan });
}

/** Moves the nodes to precomputed positions (animated or not), and frames them where they go. */
function place(cy: Core, positions: Map<string, Point>, animate: boolean): Promise<void> {
	const nodes = cy.nodes().not(`.${DECOR}`);
	const layout = nodes.layout({
		name: 'preset',
		// A node the positions lack (hidden by the year when they were computed) keeps its place.
		positions: (n: { id: () => string; position: () => Point }) => positions.get(n.id()) ?? n.position(),
		fit: false,
		animate,
		animationDuration: 450
	} as never);
	const done = layout.promiseOn('layoutstop').then(() => undefined);
	fitView(cy, animate, positions);
	layout.run();
	return done;
}

function addGroupLabels(cy: Core, labels: GroupLabel[]) {
	const decor: ElementDefinition[] = labels.map((l) => ({
		group: 'nodes',
		// size, colour and shape too: the node style maps them from data for every node.
		data: { id: `group-${l.key}`, label: l.text, font: l.font, width: l.width, size: 1, namedFont: l.font, color: '#ffffff', shape: 'ellipse' },
		classes: `group-label ${DECOR}`,
		position: { x: l.x, y: l.y },
		selectable: false,
		grabbable: false
	}));
	cy.add(decor);
}

let worker: Worker | null = null;
let job = 0;
/** Starts the layout worker early, so that its script loads while the graph data travels. */
export function warmLayoutWorker(): Worker {
	worker ??= new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
	return worker;
}

/** fcose in a Web Worker (see layout.worker.ts); positions keyed by node element id; the draft goes to `ondraft`. */
function fcoseInWorker(request: Omit<FcoseRequest, 'job'>, ondraft: (positions: Map<string, Point>) => void): Promise<Map<string, Point>> {
	const w = warmLayoutWorker();
	const id = ++job;
	return new Promise((resolve, reject) => {
		const onmessage = (event: MessageEvent<FcoseResult>) => {
			if (event.data.job !== id) return;
			graphProbe().steps[`worker:${event.data.phase}`] = Math.round(event.data.ms);
			if (event.data.phase === 'draft') return ondraft(toPoints(event.data.positions));
			w.removeEventListener('message', onmessage);
			if (event.data.error) reject(new Error(event.data.error));
			else resolve(toPoints(event.data.positions));
		};
		w.addEventListener('message', onmessage);
		w.addEventListener('error', (e) => reject(new Error(e.message)), { once: true });
		w.postMessage({ ...request, job: id } satisfies FcoseRequest);
	});
}

/** A category's actors in the view: the server's preview names its groups in French, the page re-says them in its language. */
const countIn = (graph: GraphResponse, category: string): number => graph.nodes.filter((n) => n.category === category).length;

export const layouts: LayoutDescriptor[] = [
	{
		id: 'fcose',
		label: m.network_layout_fcose,
		description: m.network_layout_fcose_description,
		async run(cy, { graph, animate, seed, onPlaced, refineAfter }) {
			if (seed) {
				// The server's draft, the very picture its preview shows: the refinement below glides from it.
				await place(cy, toPoints(seed.positions), false);
				graphProbe().steps['boot:seed-placed'] = Math.round(performance.now());
				onPlaced?.();
				// The first frame before the refinement: on two slow cores, the worker would compete with its painting.
				await new Promise((painted) => requestAnimationFrame(() => requestAnimationFrame(painted)));
				await refineAfter;
			} else if (!animate) {
				// No server draft: the actors where they are on the map, at once, while fcose works.
				await place(cy, byKey(geoPositions(graph.nodes)), false);
				graphProbe().steps['boot:geo-placed'] = Math.round(performance.now());
				onPlaced?.();
			}
			const glide = cy.nodes().length <= 1200;
			const nodes = cy.nodes(':visible').not(`.${DECOR}`);
			const ids = new Set(nodes.map((n) => n.id()));
			const edges: [string, string][] = [];
			cy.edges(':visible').forEach((e) => {
				const [s, t] = [e.data('source') as string, e.data('target') as string];
				if (ids.has(s) && ids.has(t)) edges.push([s, t]);
			});
			const start = seed
				? Object.fromEntries(nodes.map((n) => [n.id(), [(n as NodeSingular).position().x, (n as NodeSingular).position().y] as [number, number]]))
				: undefined;
			let drafted: Promise<void> = Promise.resolve();
			const named = nodes.length <= NAMED_VIEW;
			const boxes = nodes.map((n) => ({ id: n.id(), ...nodeBox(Number(n.data('size')) || 18, String(n.data('label') ?? ''), named) }));
			const positions = await fcoseInWorker({ nodes: boxes, edges, start }, (draft) => {
				drafted = place(cy, draft, glide).then(onPlaced);
			});
			await drafted;
			// The refinement glides from the draft (a jump past ~1,200 nodes, where animating costs more than it shows).
			await place(cy, positions, glide);
		}
	},
	{
		id: 'concentric',
		label: m.network_layout_concentric,
		description: m.network_layout_concentric_description,
		run(cy, { graph, metrics, centrality, animate, seed }) {
			if (seed) return place(cy, toPoints(seed.positions), animate);
			const sizes = new Map(
				cy
					.nodes()
					.not(`.${DECOR}`)
					.map((n) => [Number(n.data('entityId')), Number(n.data('size')) || 18])
			);
			return place(cy, byKey(concentricLayout(graph.nodes, centrality, metrics, sizes)), animate);
		}
	},
	{
		id: 'grouped',
		label: m.network_layout_grouped,
		description: m.network_layout_grouped_description,
		run(cy, { graph, animate, seed }) {
			const category = vocabularyIn(getLocale()).category;
			const { positions, labels } = seed
				? { positions: toPoints(seed.positions), labels: seed.labels.map((l) => ({ ...l, text: groupName(category, l.key, countIn(graph, l.key)) })) }
				: (({ positions, labels }) => ({ positions: byKey(positions), labels }))(groupedLayout(graph.nodes, category));
			addGroupLabels(cy, labels);
			return place(cy, positions, animate);
		}
	},
	{
		id: 'geo',
		label: m.network_layout_geo,
		description: m.network_layout_geo_description,
		run(cy, { graph, animate, seed }) {
			return place(cy, seed ? toPoints(seed.positions) : byKey(geoPositions(graph.nodes)), animate);
		}
	}
];

export const layoutById = (id: string): LayoutDescriptor => layouts.find((l) => l.id === id) ?? (layouts[0] as LayoutDescriptor);

/** Runs a layout from a clean slate (no decor of the previous one); resolves with its duration in ms. */
export async function runLayout(cy: Core, id: LayoutId, ctx: LayoutContext): Promise<number> {
	const started = performance.now();
	cy.remove(`.${DECOR}`);
	let placed = false;
	const onPlaced = () => {
		if (!placed) ctx.onPlaced?.();
		placed = true;
	};
	const seed = ctx.seed && ctx.seed.layout === id ? ctx.seed : null;
	await layoutById(id).run(cy, { ...ctx, seed, onPlaced });
	onPlaced();
	return performance.now() - started;
}
