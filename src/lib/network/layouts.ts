import type { Core, ElementDefinition } from 'cytoscape';
import { categoryLabel } from '$lib/domain/vocabulary';
import type { GraphResponse, MetricId, MetricsResponse } from './api-types';
import { metricValue, nodeKey } from './elements';
import type { FcoseRequest, FcoseResult } from './fcose-options';
import { graphProbe } from './probe';
import { geoPositions, groupedPositions, type Point } from './positions';

export type LayoutId = 'fcose' | 'concentric' | 'grouped' | 'geo';

export interface LayoutContext {
	graph: GraphResponse;
	metrics: MetricsResponse | null;
	/** The centrality the concentric layout ranks by. */
	centrality: MetricId;
	/** Animate the move (small graphs, after the first frame). */
	animate: boolean;
	/** Called once the nodes first stand somewhere readable (the fcose draft, or the layout itself). */
	onPlaced?: () => void;
}

/** Gephi Lite-style registry: the page builds its layout menu from these descriptors. */
export interface LayoutDescriptor {
	id: LayoutId;
	label: string;
	description: string;
	run: (cy: Core, ctx: LayoutContext) => Promise<void>;
}

/** Elements a layout adds for itself (group labels); removed before the next layout. */
const DECOR = 'decor';

/** Moves the nodes to precomputed positions (animated or not), then fits the view. */
function place(cy: Core, positions: Map<string, Point>, animate: boolean): Promise<void> {
	const layout = cy.nodes().layout({
		name: 'preset',
		positions: (n: { id: () => string }) => positions.get(n.id()) ?? { x: 0, y: 0 },
		fit: true,
		padding: 30,
		animate,
		animationDuration: 450
	} as never);
	const done = layout.promiseOn('layoutstop').then(() => undefined);
	layout.run();
	return done;
}

let worker: Worker | null = null;
let job = 0;
/** Starts the layout worker early, so that its script loads while the graph data travels. */
export function warmLayoutWorker(): Worker {
	worker ??= new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
	return worker;
}
const toPoints = (positions: FcoseResult['positions']) => new Map(Object.entries(positions).map(([k, [x, y]]) => [k, { x, y }]));

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

export const layouts: LayoutDescriptor[] = [
	{
		id: 'fcose',
		label: 'Forces (fcose)',
		description: 'Les acteurs liés se rapprochent ; les groupes très connectés forment des amas.',
		async run(cy, { graph, animate, onPlaced }) {
			if (!animate) {
				// A first picture at once, the actors where they are on the map, while fcose works in its worker
				// (seconds on a slow machine); the forces then pull the graph into shape from there.
				await place(cy, new Map([...geoPositions(graph.nodes)].map(([id, p]) => [nodeKey(id), p])), false);
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
			let drafted: Promise<void> = Promise.resolve();
			const positions = await fcoseInWorker({ nodes: nodes.map((n) => ({ id: n.id(), size: Number(n.data('size')) || 18 })), edges }, (draft) => {
				drafted = place(cy, draft, glide).then(onPlaced);
			});
			await drafted;
			// The refinement glides from the draft (a jump past ~1,200 nodes, where animating costs more than it shows).
			await place(cy, positions, glide);
		}
	},
	{
		id: 'concentric',
		label: 'Cercles par centralité',
		description: 'Les acteurs les plus centraux au milieu, les plus périphériques sur les bords.',
		run(cy, { graph, metrics, centrality, animate }) {
			const ranked = [...graph.nodes].sort((a, b) => metricValue(b, centrality, metrics) - metricValue(a, centrality, metrics) || a.id - b.id);
			// Ring i holds about (2i + 1) times the innermost ring's count: rings fill like a disc.
			const perUnit = Math.max(1, ranked.length / 144);
			const level = new Map(ranked.map((n, r) => [nodeKey(n.id), 100 - Math.floor(Math.sqrt(r / perUnit))]));
			const layout = cy.nodes().not(`.${DECOR}`).layout({
				name: 'concentric',
				concentric: (n: { id: () => string }) => level.get(n.id()) ?? 0,
				levelWidth: () => 1,
				minNodeSpacing: 4,
				fit: true,
				padding: 30,
				animate,
				animationDuration: 450
			} as never);
			const done = layout.promiseOn('layoutstop').then(() => undefined);
			layout.run();
			return done;
		}
	},
	{
		id: 'grouped',
		label: 'Groupés par catégorie',
		description: 'Un disque par catégorie d’acteur, les plus reliés au centre de chaque disque.',
		run(cy, { graph, metrics, animate }) {
			const { positions, groups } = groupedPositions(graph.nodes.map((n) => ({ id: n.id, group: n.category, weight: metricValue(n, 'degree', metrics) })));
			const decor: ElementDefinition[] = groups.map((g) => ({
				group: 'nodes',
				data: { id: `group-${g.key}`, label: `${categoryLabel(g.key)} (${g.ids.length})` },
				classes: `group-label ${DECOR}`,
				position: { x: g.center.x, y: g.center.y - g.radius - 24 },
				selectable: false,
				grabbable: false
			}));
			cy.add(decor);
			return place(cy, new Map([...positions].map(([id, p]) => [nodeKey(id), p])), animate);
		}
	},
	{
		id: 'geo',
		label: 'Géographique',
		description: 'Chaque acteur à son emplacement : la géographie de la carte, en graphe.',
		run(cy, { graph, animate }) {
			const positions = geoPositions(graph.nodes);
			return place(cy, new Map([...positions].map(([id, p]) => [nodeKey(id), p])), animate);
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
	await layoutById(id).run(cy, { ...ctx, onPlaced });
	onPlaced();
	return performance.now() - started;
}
