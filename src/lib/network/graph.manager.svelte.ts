import { untrack } from 'svelte';
import type { ExploreState } from '$lib/explore/explore-state.svelte';
import type { ActorRef } from '$lib/domain/explore-params';
import type { Nameable } from '$lib/domain/french';
import { fetchJson } from '$lib/map/map-data';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import type { CommonResponse, GraphNode, GraphResponse, MetricsResponse, PathsResponse } from './api-types';
import { appearances, inactiveInYear, yearSpan } from './elements';
import type { FirstLayout } from './first-layout';
import { framedPng } from './export-png';
import { legendModel } from './legend-model';
import { pngTexts } from './png-texts';
import { fetchFirstLayout, fetchGraph, fetchMetrics, GRAPH_LIMIT } from './graph-data';
import { graphDataParams, previewParams } from './graph-params';
import { commonHighlight, pathHighlight, pathIndex, type Highlight } from './paths';

/** The state holds ids once the page has redirected a slug; a slug still there names nobody yet. */
export const idOf = (ref: ActorRef | null): number | null => (typeof ref === 'number' ? ref : null);

export interface GraphManagerOptions {
	/** Top N by degree without a focus (null: all). */
	limit?: number | null;
	/** Ask the server for its first positions (those of the page's static preview) with the data. */
	firstLayout?: boolean;
	/** Ask the paths between `state.from` and `state.to` itself (a page with a PathFinder lets it ask, with its options). */
	askPaths?: boolean;
	/** Actors the page already knows by name (the server's load): a path's ends before any answer. */
	names?: Record<number, Nameable>;
	/** What the view hides, from what the year hides (the explorer adds the actors outside its map's circle). */
	hide?: (inactive: Hidden) => Hidden;
}

/** Actors and relations a view hides (by id). */
export interface Hidden {
	nodes: Set<number>;
	edges: Set<number>;
}

/**
 * The network view's data for one explore state: the graph its filters, relation types, focus and depth ask
 * for (with the server's first positions), the whole-graph metrics, the path between `from` and `to`, and
 * what follows from them (node looks, what the year hides, the highlight, the focus trail). Create it in a
 * component's script (its effects live with the component); /reseau, its embed and /explorer share it.
 */
export class GraphManager {
	readonly state: ExploreState;
	/** Top N by degree without a focus (null: all). */
	readonly limit: number | null;
	graph = $state.raw<GraphResponse | null>(null);
	seed = $state.raw<FirstLayout | null>(null);
	metrics = $state.raw<MetricsResponse | null>(null);
	/** The answer for the path question `state.from` → `state.to` (several paths, `state.path` says which is drawn). */
	paths = $state.raw<PathsResponse | null>(null);
	/** Shared neighbours of two actors, when asked (drawn instead of a path). */
	common = $state.raw<Highlight | null>(null);
	loading = $state(true);
	/** A layout is moving the nodes (NetworkView's `onlayout`). */
	laying = $state(false);
	problem = $state('');
	/** Breadcrumbs of the focused actors: back to a step truncates it, a new focus extends it. */
	trail = $state<{ id: number; label: string }[]>([]);
	names: Record<number, Nameable>;
	readonly #hide: GraphManagerOptions['hide'];

	/** The graph API's query for the state (the year is replayed in the browser over the same data). */
	readonly dataParams = $derived.by(() => graphDataParams(this.state.key, this.state.query, this.limit));
	/** The server's first picture of the view (/reseau/apercu.svg and .json). */
	readonly previewParams = $derived.by(() => previewParams(this.dataParams, this.state.query, getLocale()));
	readonly looks = $derived.by(() => appearances(this.graph?.nodes ?? [], this.metrics, this.state.size, this.state.colour));
	/** What the year hides: actors and relations with no activity that year. */
	readonly inactive = $derived.by<Hidden>(() => (this.graph ? inactiveInYear(this.graph, this.state.year) : { nodes: new Set(), edges: new Set() }));
	readonly hidden = $derived.by<Hidden>(() => (this.#hide ? this.#hide(this.inactive) : this.inactive));
	readonly span = $derived.by(() => (this.graph ? yearSpan(this.graph) : null));
	readonly visibleCount = $derived.by(() => (this.graph ? this.graph.nodes.length - this.hidden.nodes.size : 0));
	readonly visibleRelations = $derived.by(() => (this.graph ? this.graph.edges.length - this.hidden.edges.size : 0));
	/** The path answer, when it answers the state's question. */
	readonly answer = $derived.by(() => (this.paths && this.paths.from === this.state.from && this.paths.to === this.state.to ? this.paths : null));
	/** Which of the paths is drawn, 0-based. */
	readonly shownPath = $derived.by(() => (this.answer ? pathIndex(this.state.path, this.answer.paths.length) : 0));
	readonly highlight = $derived.by<Highlight | null>(() => {
		if (this.common) return this.common;
		const p = this.answer?.paths[this.shownPath];
		return p && this.answer ? pathHighlight(p, this.answer.entities) : null;
	});

	constructor(state: ExploreState, options: GraphManagerOptions = {}) {
		this.state = state;
		this.limit = options.limit === undefined ? GRAPH_LIMIT : options.limit;
		this.names = options.names ?? {};
		this.#hide = options.hide;
		const first = options.firstLayout ?? true;

		$effect(() => void fetchMetrics().then((m) => (this.metrics = m)));

		$effect(() => {
			const params = this.dataParams;
			// Where the nodes stand first comes from the server with the data; the year or a colour alone refetches nothing.
			const look = first ? untrack(() => this.previewParams) : null;
			const controller = new AbortController();
			this.loading = true;
			Promise.all([fetchGraph(params, controller.signal), look == null ? null : fetchFirstLayout(look, controller.signal)]).then(
				([body, seed]) => {
					this.seed = seed;
					this.graph = body;
					this.loading = false;
					this.problem = '';
					this.updateTrail(body);
				},
				(e: Error) => e.name !== 'AbortError' && ((this.problem = e.message), (this.loading = false))
			);
			return () => controller.abort();
		});

		if (options.askPaths ?? true)
			$effect(() => {
				const from = idOf(this.state.from);
				const to = idOf(this.state.to);
				if (from == null || to == null || (this.paths?.from === from && this.paths.to === to)) return;
				const controller = new AbortController();
				fetchJson<PathsResponse>(`/api/v1/paths?from=${from}&to=${to}`, controller.signal).then(
					(r) => (this.paths = r),
					(e: Error) => e.name !== 'AbortError' && (this.problem = e.message)
				);
				return () => controller.abort();
			});
	}

	/** A node of the loaded graph. */
	node(id: number): GraphNode | undefined {
		return this.graph?.nodes.find((n) => n.id === id);
	}

	/** An actor the page names (a path's end, the focus): from the latest answer that knows it, with its kind for the articles. */
	actorOf(id: number): Nameable {
		const node = this.node(id);
		if (node) return { name: node.label, kind: node.kind, category: node.category };
		const end = this.paths?.entities[String(id)];
		if (end) return { name: end.label, kind: end.kind };
		return this.names[id] ?? { name: m.network_unnamed({ id: String(id) }), kind: 'document' };
	}

	/** A path answer (found by hand or for a shared link) or none: the question goes into the state (and its address). */
	showPaths(r: PathsResponse | null): void {
		this.common = null;
		this.paths = r;
		if (!r) return this.state.askPath(null, null);
		const same = r.from === this.state.from && r.to === this.state.to;
		this.state.askPath(r.from, r.to, same ? this.state.path : 1);
	}

	/** A new focus (a double tap, the picker, a key actor): its neighbourhood replaces a path or shared neighbours. */
	focusOn(id: number | null): void {
		this.common = null;
		this.state.focusOn(id);
	}

	showPath(index: number): void {
		this.state.path = index + 1;
	}

	/** The neighbours two actors share, drawn instead of a path. */
	showCommon(a: number, b: number, r: CommonResponse | null): void {
		this.paths = null;
		this.state.askPath(null, null);
		this.common = r ? commonHighlight(a, b, r.items) : null;
	}

	/** The view's picture framed for a download: title (the path, the focus), counts, filters, legend and address. */
	framedPng(shot: Blob, site: { host: string; demo: boolean }): Promise<Blob> {
		const s = this.state;
		const [from, to, focus] = [idOf(s.from), idOf(s.to), idOf(s.focus)];
		const answer = this.answer;
		const texts = pngTexts({
			path: answer && from != null && to != null ? { from: this.actorOf(from), to: this.actorOf(to), index: this.shownPath, count: answer.paths.length } : null,
			focus: focus != null ? this.actorOf(focus) : null,
			actors: this.visibleCount,
			relations: this.visibleRelations,
			year: s.year,
			types: s.types,
			confirmed: s.confirmed,
			demo: site.demo
		});
		return framedPng(shot, { ...texts, legend: legendModel(s.colour, s.size, this.metrics?.communities ?? []), url: `${site.host}${s.href}` });
	}

	private updateTrail(body: GraphResponse): void {
		const f = idOf(this.state.focus);
		if (f == null) return void (this.trail = []);
		const at = this.trail.findIndex((s) => s.id === f);
		if (at >= 0) this.trail = this.trail.slice(0, at + 1);
		else this.trail = [...this.trail, { id: f, label: body.nodes.find((n) => n.id === f)?.label ?? this.actorOf(f).name }];
	}
}
