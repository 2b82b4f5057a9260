import { getContext, setContext } from 'svelte';
import type { EntityFilters } from '$lib/domain/filters';
import {
	decodeExplore,
	encodeExplore,
	EXPLORE_DEFAULTS,
	exploreHref,
	filterKey,
	type ActorRef,
	type Camera,
	type ColourBy,
	type ExploreQuery,
	type ExploreView,
	type LayoutId,
	type MetricId,
	type SizeBy
} from '$lib/domain/explore-params';
import type { RelationType } from '$lib/domain/vocabulary';
import type { GroupChoice } from '$lib/domain/group-params';
import { localHref } from '$lib/i18n/locale-href';

const filtersOf = (v: ExploreQuery): EntityFilters => ({
	kind: v.kind,
	category: v.category,
	sector: v.sector,
	stage: v.stage,
	offer: v.offer,
	territory: v.territory,
	q: v.q
});

/**
 * The explore state shared by the map, the graph and the explorer: what is filtered, selected, hovered,
 * which year and relations, the focus and the path asked, where the camera stands and how the graph is drawn.
 * One instance per page (see setExploreState); views read its fields and call its methods, and the page keeps
 * the address in step with `href` (the codec of `$lib/domain/explore-params`, the same schemas as the server).
 *
 * `hovered` is the only field never written to the address (it lives under the pointer).
 */
export class ExploreState {
	filters = $state<EntityFilters>({ kind: [], category: [], sector: [], stage: [], offer: [], q: undefined });
	types = $state<RelationType[]>([]);
	year = $state<number | null>(null);
	confirmed = $state(false);
	isolated = $state<'show' | 'hide' | null>(null);
	focus = $state<ActorRef | null>(null);
	depth = $state<1 | 2 | 3>(1);
	from = $state<ActorRef | null>(null);
	to = $state<ActorRef | null>(null);
	/** Which of the paths found is shown, 1-based. */
	path = $state(1);
	/** The selected actor (its card is open; highlighted in every view). */
	actor = $state<ActorRef | null>(null);
	/** The actor under the pointer, in either view. */
	hovered = $state<number | null>(null);
	layout = $state<LayoutId>('fcose');
	size = $state<SizeBy>('degree');
	colour = $state<ColourBy>('kind');
	centrality = $state<MetricId>('degree');
	stat = $state<{ measure: 'count' | 'rate'; level: 'departement' | 'epci' } | null>(null);
	near = $state<{ commune: string; radiusKm: number } | null>(null);
	camera = $state<Camera | null>(null);
	arcs = $state(false);
	flows = $state(false);
	pane = $state<'carte' | 'reseau' | null>(null);
	/** The network's grouping (null: grouped above the threshold) and the groups opened (groups/). */
	group = $state<GroupChoice | null>(null);
	open = $state<string[]>([]);

	/** The canonical filter key (the API calls' and the cache's key). */
	readonly key = $derived(filterKey(this.filters));
	/** Everything the address holds, as the codec's value. */
	readonly query = $derived<ExploreQuery>({
		...this.filters,
		type: this.types,
		year: this.year ?? undefined,
		confirmed: this.confirmed,
		isolated: this.isolated ?? undefined,
		focus: this.focus ?? undefined,
		depth: this.depth,
		from: this.from ?? undefined,
		to: this.to ?? undefined,
		path: this.path,
		actor: this.actor ?? undefined,
		layout: this.layout,
		size: this.size,
		colour: this.colour,
		centrality: this.centrality,
		stat: this.stat?.measure,
		level: this.stat?.level ?? EXPLORE_DEFAULTS.level,
		near: this.near?.commune,
		radius: this.near?.radiusKm ?? EXPLORE_DEFAULTS.radius,
		at: this.camera ?? undefined,
		arcs: this.arcs,
		flows: this.flows,
		pane: this.pane ?? undefined,
		group: this.group ?? undefined,
		open: this.open
	});
	/** This page's address for the current state, in the page's language (/en/… on an English page). */
	get href(): string {
		return localHref(exploreHref(this.view, this.query));
	}

	constructor(
		readonly view: ExploreView,
		url?: URL | URLSearchParams
	) {
		if (url) this.load(url);
	}

	/** Takes the state from an address (first load, back/forward, a shared link). Returns the French problems found. */
	load(url: URL | URLSearchParams): string[] {
		const { value: v, errors } = decodeExplore(url instanceof URL ? url.searchParams : url);
		this.filters = filtersOf(v);
		this.types = v.type;
		this.year = v.year ?? null;
		this.confirmed = v.confirmed;
		this.isolated = v.isolated ?? null;
		this.focus = v.focus ?? null;
		this.depth = v.depth as 1 | 2 | 3;
		this.from = v.from ?? null;
		this.to = v.to ?? null;
		this.path = v.path ?? 1;
		this.actor = v.actor ?? null;
		this.layout = v.layout;
		this.size = v.size;
		this.colour = v.colour;
		this.centrality = v.centrality;
		this.stat = v.stat ? { measure: v.stat, level: v.level } : null;
		this.near = v.near ? { commune: v.near, radiusKm: v.radius } : null;
		this.camera = v.at ?? null;
		this.arcs = v.arcs;
		this.flows = v.flows;
		this.pane = v.pane ?? null;
		this.group = v.group ?? null;
		this.open = v.open;
		return errors;
	}

	/** Another view's address with the same state (« Voir sur la carte », the menu's links). */
	hrefFor(view: ExploreView, patch: Partial<ExploreQuery> = {}): string {
		return localHref(exploreHref(view, { ...this.query, ...patch }));
	}

	/** The query string of this view's address (without the path). */
	search(): string {
		return encodeExplore(this.query, this.view).toString();
	}

	/** The filter form's answer (its parameters): the shared filters change, the rest of the view stays. */
	applyFilters(params: URLSearchParams): void {
		this.filters = filtersOf(decodeExplore(params).value);
	}

	select(id: number | null): void {
		this.actor = id;
	}

	/** A new focus drops the path question (the graph shows one or the other). */
	focusOn(id: number | null): void {
		this.focus = id;
		this.from = null;
		this.to = null;
		this.path = 1;
	}

	askPath(from: number | null, to: number | null, path = 1): void {
		this.from = from;
		this.to = to;
		this.path = path;
	}
}

const KEY = Symbol('carto-explore');

export function setExploreState(state: ExploreState): ExploreState {
	return setContext(KEY, state);
}

/** The page's explore state, for the views and controls inside it. */
export function getExploreState(): ExploreState {
	const state = getContext<ExploreState | undefined>(KEY);
	if (!state) throw new Error('An explore view must be placed inside a page that called setExploreState.');
	return state;
}
