import { browser } from '$app/environment';
import { untrack } from 'svelte';
import type { ActorRef } from '$lib/domain/explore-params';
import { localHref } from '$lib/i18n/locale-href';
import { mapPoints } from '$lib/map/map-data';
import { MapManager } from '$lib/map/map.manager.svelte';
import { ActorCardLoader } from '$lib/network/actor-card.svelte';
import { GraphManager, idOf, type Hidden } from '$lib/network/graph.manager.svelte';
import { m } from '$lib/paraglide/messages';
import { bundleArcs, pathSteps, type ArcPlace } from './arcs';
import type { ExploreState } from './explore-state.svelte';
import { explorerProbe } from './explorer-probe';
import { outsideCircle, union } from './explorer-view';
import { actorPlaces } from './relations-data';

const NONE: Hidden = { nodes: new Set(), edges: new Set() };
/** The graph's refinement waits for the map no longer than this. */
const SETTLE_AT_MOST_MS = 3000;
const START_AT_MOST_MS = 1500;

/**
 * The explorer's two panes on one explore state: the map's data (MapManager: points, radius search, outlines),
 * the graph's (GraphManager: graph, metrics, path, year; it also hides what lies outside the map's circle), the
 * selected actor's card, and what the map draws of the graph: its focus's relations and the path found, as arcs.
 * Create it in the page's script (its effects live with the page).
 */
export class ExplorerManager {
	readonly state: ExploreState;
	readonly map: MapManager;
	readonly graph: GraphManager;
	readonly card: ActorCardLoader;
	/** Path actors the graph does not hold (outside its filters or its cap): their points, fetched once. */
	elsewhere = $state.raw<Map<number, [number, number]> | null>(null);
	/**
	 * Settles at the map's first picture with its points (or after a few seconds, a hidden pane on a phone):
	 * the graph refines its first layout then, so that the two panes do not share two slow cores while both start.
	 */
	readonly mapSettled: Promise<void>;
	#settle: () => void = () => {};
	/**
	 * Settles once the map has started (its style loaded, its points handed to its worker), or after a moment:
	 * the graph builds its first picture then. Both starts are main-thread work; this way the graph's runs
	 * while MapLibre's worker cuts the points into tiles, instead of slowing the map's own start.
	 */
	readonly mapStarted: Promise<void>;
	#started: () => void = () => {};

	/** The graph's actors outside the map's circle (« autour d'une commune ») and their relations. */
	readonly circle = $derived.by<Hidden>(() => {
		const g = this.graph.graph;
		const near = this.map.nearby;
		return g ? outsideCircle(g, near?.commune.centroid ?? null, near?.radiusKm ?? 0) : NONE;
	});
	readonly places = $derived.by(() => actorPlaces(this.graph.graph?.nodes ?? []));
	/** The network's actors (those the year may veil on the map). */
	readonly nodeIds = $derived.by(() => new Set((this.graph.graph?.nodes ?? []).map((n) => n.id)));
	readonly selected = $derived.by(() => idOf(this.state.actor));
	readonly focus = $derived.by(() => idOf(this.state.focus));
	/** The path drawn: the one the graph highlights, when the answer is the state's question. */
	readonly shownPath = $derived.by(() => this.graph.answer?.paths[this.graph.shownPath] ?? null);
	/** The graph's focus on the map: its neighbourhood's relations, one arc each (those the circle hides aside). */
	readonly focusArcs = $derived.by(() => {
		const g = this.graph.graph;
		if (this.focus == null || !g) return null;
		const circle = this.circle;
		return bundleArcs(
			g.edges.filter((e) => !circle.edges.has(e.id)),
			(id) => this.places.get(id),
			{ bundle: false, year: this.state.year }
		);
	});
	/** The path's relations, numbered; an actor the graph lacks stands at its own point. */
	readonly pathArcs = $derived.by(() => {
		const p = this.shownPath;
		return p ? bundleArcs(p.edges, (id) => this.#pathPlace(id), { bundle: false, steps: pathSteps(p) }) : null;
	});
	readonly problem = $derived.by(() => this.map.problem || this.graph.problem);
	readonly cardLinks = $derived.by(() => {
		const id = this.selected;
		if (id == null) return [];
		const links = [{ href: localHref(`/acteurs/${this.card.entity?.slug ?? id}`), label: m.network_card_listing() }];
		if (id !== this.focus)
			links.push({
				href: this.state.hrefFor('explorer', { focus: id, from: undefined, to: undefined, path: 1 }),
				label: m.network_card_focus()
			});
		return links;
	});

	constructor(state: ExploreState, names: GraphManager['names']) {
		this.state = state;
		// The card is opened once, by the loader (it names the commune); the map does not fetch it again.
		this.map = new MapManager(state, { card: false });
		this.graph = new GraphManager(state, { names, askPaths: false, hide: (inactive) => union(inactive, this.circle) });
		this.card = new ActorCardLoader(state, this.graph);
		this.mapSettled = new Promise((settle) => {
			this.#settle = settle;
			if (browser) setTimeout(settle, SETTLE_AT_MOST_MS);
		});
		this.mapStarted = new Promise((start) => {
			this.#started = start;
			if (browser) setTimeout(start, START_AT_MOST_MS);
		});

		$effect(() => {
			const p = this.shownPath;
			if (!p || p.nodes.every((id) => this.places.has(id))) return;
			void mapPoints('').then((all) => {
				const want = new Set(p.nodes.filter((id) => !untrack(() => this.places).has(id)));
				this.elsewhere = new Map(all.points.filter((pt) => want.has(pt[0])).map((pt) => [pt[0], [pt[1], pt[2]]]));
			});
		});

		// For the browser tests and the benchmark: what each pane was last given.
		$effect(() => {
			const hook = explorerProbe();
			hook.selected = this.selected;
			hook.year = state.year;
			hook.graphNodes = this.graph.graph?.nodes.length ?? 0;
			hook.hiddenNodes = this.graph.hidden.nodes.size;
			hook.points = this.map.drawn?.points.length ?? 0;
			hook.changedAt = performance.now();
		});
	}

	/** An actor of the address with its name, for the pickers (from the graph, a path answer or the server's load). */
	named(ref: ActorRef | null): { id: number; label: string } | null {
		const id = idOf(ref);
		return id == null ? null : { id, label: this.graph.actorOf(id).name };
	}

	/** The phone's toggle: one pane shown, written in the address. */
	showPane(pane: 'carte' | 'reseau'): void {
		this.state.pane = pane === 'carte' ? null : pane;
		remeasure();
	}

	#pathPlace(id: number): ArcPlace | undefined {
		const p = this.places.get(id);
		const at = p ? ([p.lon, p.lat] as [number, number]) : this.elsewhere?.get(id);
		// Each actor of a path is its own end (two steps in one town stay two arcs), unless they share a point.
		return at ? { lon: at[0], lat: at[1], key: `${at[0]},${at[1]}` } : undefined;
	}

	/** The map's style is loaded (MapView's `onload`) or it cannot start: its layers get their data in this turn, the graph after. */
	mapIsLoaded(): void {
		setTimeout(this.#started, 0);
	}

	/** The map drew its first picture with the points (MapView's `onsettled`). */
	mapIsSettled(): void {
		this.#settle();
	}
}

/** The graph pane changed size (separator, phone toggle): Cytoscape measures its box on a window resize. */
export function remeasure(): void {
	requestAnimationFrame(() => window.dispatchEvent(new Event('resize')));
}
