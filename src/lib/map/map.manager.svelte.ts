import { untrack } from 'svelte';
import type { CardEntity } from '$lib/components/ActorCard.svelte';
import type { EntityFilters } from '$lib/domain/filters';
import { filterKey } from '$lib/domain/explore-params';
import type { ExploreState } from '$lib/explore/explore-state.svelte';
import type { CompactPoint, MapList, MapStatsResponse, NearbyResponse, TerritoryCollection } from './api-types';
import { kindLegend } from './kind-colors';
import { derivedPoints, fetchJson, listPage, listSummary, mapPoints, territories } from './map-data';
import { kindsPresent } from './points-geojson';
import { markStep, probe } from './probe';
import { statsFeatures } from './stats-scale';

/** `source`: the filters the points were fetched for (a kind change draws `key` from another answer's points). */
type Drawn = { key: string; source: string; points: CompactPoint[]; kinds: string[]; show: string[]; shown: number };
type Summary = { key: string; total: number; list: MapList };

/**
 * What the actors' map loads for an explore state: the points of its filters (and their count and first
 * names), the statistics layer, the radius search, the territories, and the selected actor's card. Create
 * it while a component initialises (its effects live as long as that component); the map panel draws it.
 * Heavy data is raw state, replaced whole, never proxied.
 */
export class MapManager {
	/** The count and the synced list of the current filters. */
	summary = $state.raw<Summary | null>(null);
	/** What the map draws. A kind change is drawn at once from points already here (see derivedPoints). */
	drawn = $state.raw<Drawn | null>(null);
	stats = $state.raw<MapStatsResponse | null>(null);
	nearby = $state.raw<NearbyResponse | null>(null);
	departements = $state.raw<TerritoryCollection | null>(null);
	epcis = $state.raw<TerritoryCollection | null>(null);
	communes = $state.raw<TerritoryCollection | null>(null);
	entity = $state.raw<CardEntity | null>(null);
	entityError = $state('');
	problem = $state('');

	readonly outlines = $derived(
		new Map(
			[...(this.departements?.features ?? []), ...(this.epcis?.features ?? [])].flatMap((f) => (f.geometry ? [[f.properties.code, f.geometry] as const] : []))
		)
	);
	readonly communeNames = $derived(new Map((this.communes?.features ?? []).map((f) => [f.properties.code, f.properties.name])));
	readonly legendKinds = $derived(
		kindLegend(this.drawn ? (this.drawn.show.length ? this.drawn.show : kindsPresent(this.drawn.points, this.drawn.kinds)) : undefined)
	);
	/** The open card's commune by name: from the towns once loaded, else from the list (a code is never shown). */
	readonly panelCommune = $derived.by(() => {
		const e = this.entity;
		if (!e?.communeCode) return null;
		return this.communeNames.get(e.communeCode) ?? this.summary?.list.items.find((i) => i.id === e.id)?.communeName ?? null;
	});
	/** Which shapes the statistics layer draws (the legend shows those). */
	readonly statShapes = $derived.by(() => {
		if (!this.stats) return { fills: false, circles: false };
		const { fills, circles } = statsFeatures(this.stats.items, this.stats.measure, this.stats.breaks, this.stats.max, this.outlines);
		return { fills: fills.features.length > 0, circles: circles.features.length > 0 };
	});

	/**
	 * The filters of the server's cluster tiles the map draws (issue 18): those of the points drawn, or before any
	 * arrives, the page's own — the tiles need not wait for the points.
	 */
	get tilesKey(): string {
		return this.drawn?.source ?? this.explore.key;
	}

	#summaries = new Map<string, Promise<Summary>>();
	/**
	 * `tiles`: the map draws the server's cluster tiles, and the points (the ring, the legend, kind changes drawn
	 * at once) are read only once its first picture is on screen — at 100,000 actors, turning their bytes into
	 * points held the page's thread ~0.5 s while the map was being built (issue 18). Their bytes are preloaded.
	 */
	#pictured = $state(true);

	/** `card: false` when the page opens the selected actor's card itself (the explorer's ActorCardLoader). */
	constructor(
		readonly explore: ExploreState,
		options: { card?: boolean; tiles?: boolean } = {}
	) {
		this.#pictured = !options.tiles;
		// The intercommunalities' outlines (265 KB since they are official) are needed at once only for their
		// statistics; otherwise they are context and come with the town names, once the actors are drawn.
		$effect(() => {
			void territories('departement').then((fc) => (this.departements = fc));
			if (explore.stat?.level === 'epci') this.#loadEpcis();
		});
		$effect(() => {
			const k = explore.key;
			if (this.#pictured) return this.#points(k);
			// The count and the first names do not wait for the map.
			untrack(() => this.summary?.key !== k && void this.#summary(k).catch(() => {}));
		});
		// Read field by field: a navigation gives the state new objects with the same values, not a new request.
		$effect(() => this.#stats(explore.key, explore.stat?.measure, explore.stat?.level));
		$effect(() => this.#nearby(explore.key, explore.near?.commune, explore.near?.radiusKm));
		if (options.card ?? true) $effect(() => this.#entity(typeof explore.actor === 'number' ? explore.actor : null));
	}

	/**
	 * New filters from the form: the points are fetched (or a kind change derived from points already here)
	 * before the caller writes the address, so MapLibre clusters while the navigation runs. Returns when the
	 * points (or, for a kind change, the count) are known, or null when the filters did not change.
	 */
	applyFilters(filters: EntityFilters): Promise<unknown> | null {
		const k = filterKey(filters);
		if (k === this.explore.key) return null;
		const hook = probe();
		hook.pendingSince = performance.now();
		hook.steps = {};
		const local = derivedPoints(k);
		if (local) {
			// Restyle now (same clusters, other kinds shown); only the count and the first 50 names travel.
			markStep('derived');
			this.drawn = { key: k, ...local };
		}
		this.explore.filters = filters;
		if (local) return this.#summary(k);
		// The count and the first names travel beside the points, not after them.
		void this.#summary(k).catch(() => {});
		return mapPoints(k);
	}

	/** The next names of the list, kept only if the filters have not changed meanwhile. */
	async loadMore(): Promise<void> {
		const s = this.summary;
		if (!s?.list.next) return;
		const page = await listPage(s.key, s.list.next);
		if (this.summary !== s) return;
		this.summary = { ...s, total: page.total, list: { items: [...s.list.items, ...page.items], total: page.total, next: page.next } };
	}

	/** The map's first picture is on screen (MapView's `onsettled`): the points, then the town names. */
	firstPicture(): void {
		this.#pictured = true;
		this.loadCommunes();
	}

	/** Town labels and commune dots (their points only) are a nicety: they come once the actors are on the map. */
	loadCommunes(): void {
		void territories('commune', 'point').then((fc) => (this.communes = fc));
		this.#loadEpcis();
	}

	#loadEpcis() {
		void territories('epci').then((fc) => (this.epcis = fc));
	}

	#summary(k: string): Promise<Summary> {
		let p = this.#summaries.get(k);
		if (!p) {
			p = listSummary(k);
			this.#summaries.set(k, p);
			p.then(
				(s) => this.explore.key === k && (this.summary = s),
				(e: Error) => (this.#summaries.delete(k), (this.problem = e.message))
			);
			if (this.#summaries.size > 6) this.#summaries.delete(this.#summaries.keys().next().value as string);
		}
		return p;
	}

	#points(k: string) {
		let live = true;
		untrack(() => {
			// Drawn locally already (a kind change): only the count and the names are missing.
			if (this.drawn?.key === k) {
				if (this.summary?.key !== k) void this.#summary(k).catch(() => {});
				return;
			}
			// The points (bytes) and the count with the first names (the entities API) travel side by side.
			if (this.summary?.key !== k) void this.#summary(k).catch(() => {});
			mapPoints(k).then(
				(body) => {
					if (!live) return;
					markStep('points');
					if (this.drawn?.key !== k) this.drawn = { key: k, source: k, points: body.points, kinds: body.kinds, show: [], shown: body.points.length };
					this.problem = '';
				},
				(e: Error) => live && (this.problem = e.message)
			);
		});
		return () => (live = false);
	}

	#stats(k: string, measure: string | undefined, level: string | undefined) {
		if (!measure) return void (this.stats = null);
		return this.#fetch<MapStatsResponse>(`/api/v1/map/stats?level=${level}&measure=${measure}${k ? `&${k}` : ''}`, (body) => (this.stats = body));
	}

	#nearby(k: string, commune: string | undefined, radiusKm: number | undefined) {
		if (!commune) return void (this.nearby = null);
		return this.#fetch<NearbyResponse>(`/api/v1/map/nearby?commune=${commune}&radiusKm=${radiusKm}${k ? `&${k}` : ''}`, (body) => (this.nearby = body));
	}

	/** One request of an effect: dropped when the effect runs again; its failure said in French above the map. */
	#fetch<T>(url: string, done: (body: T) => void, fail = (message: string) => (this.problem = message)) {
		const controller = new AbortController();
		fetchJson<T>(url, controller.signal).then(done, (e: Error) => e.name !== 'AbortError' && fail(e.message));
		return () => controller.abort();
	}

	#entity(id: number | null) {
		this.entity = null;
		this.entityError = '';
		if (id == null) return;
		return this.#fetch<CardEntity>(
			`/api/v1/entities/${id}`,
			(body) => (this.entity = body),
			(message) => (this.entityError = message)
		);
	}
}
