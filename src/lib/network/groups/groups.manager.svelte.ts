import type { GraphGroupsResponse } from '$lib/domain/api/groups-response';
import { hidesIsolated } from '$lib/domain/explore-params';
import { GROUP_BY, type GroupBy } from '$lib/domain/group-params';
import type { ExploreState } from '$lib/explore/explore-state.svelte';
import { fetchJson } from '$lib/map/map-data';
import type { GraphManager } from '../graph.manager.svelte';
import { groupName } from './group-names';

export const groupsUrl = (params: string): string => `/api/v1/graph/groups?${params}`;

/**
 * The aggregated view of /reseau (issue 18): above GROUP_THRESHOLD filtered actors, or when the reader chose a
 * grouping, the network is drawn as groups. The explore state holds the grouping and the opened groups (so
 * the address does); a path's steps are opened too, without entering the address (its ends already do).
 */
export class GroupsManager {
	readonly state: ExploreState;
	readonly graph: GraphManager;
	answer = $state.raw<GraphGroupsResponse | null>(null);
	problem = $state('');

	/** The grouping asked (the default: communities). */
	readonly by = $derived.by<GroupBy>(() => ((GROUP_BY as readonly string[]).includes(this.state.group ?? '') ? (this.state.group as GroupBy) : 'community'));
	/** A focus shows a neighbourhood (small): never grouped; `none` asks for the actors themselves. */
	readonly wanted = $derived.by(() => this.state.group !== 'none' && this.state.focus == null);
	/** The steps of the path drawn, opened in place. */
	readonly reveal = $derived.by<number[]>(() => this.graph.answer?.paths[this.graph.shownPath]?.nodes ?? []);
	readonly params = $derived.by(() => {
		const s = this.state;
		const params = new URLSearchParams(s.key);
		for (const t of s.types) params.append('type', t);
		if (s.confirmed) params.set('confirmed', '1');
		if (hidesIsolated({ type: s.types, confirmed: s.confirmed, isolated: s.isolated })) params.set('connected', '1');
		if (s.year != null) params.set('year', String(s.year));
		params.set('by', this.by);
		for (const key of s.open) params.append('open', key);
		for (const id of this.reveal) params.append('reveal', String(id));
		return params.toString();
	});
	/**
	 * Whether the page draws groups: asked by name, or (no choice made) when the view has more actors than the
	 * threshold (the server's count first, then the answer's).
	 */
	readonly active = $derived.by(() => this.wanted && (this.state.group != null || (this.answer ? this.answer.grouped : this.#large())));
	readonly names = $derived.by(() => new Map((this.answer?.groups ?? []).map((g) => [g.key, groupName(this.answer!.by, g)])));

	readonly #large: () => boolean;

	/** `large`: whether the server counted more actors than the threshold for the page's filters (its first render). */
	constructor(state: ExploreState, graph: GraphManager, large: () => boolean) {
		this.state = state;
		this.graph = graph;
		this.#large = large;
		$effect(() => {
			// A directory under the threshold never opens grouped unless asked: nothing to fetch.
			if (!this.wanted || (this.state.group == null && !this.#large())) return;
			const controller = new AbortController();
			fetchJson<GraphGroupsResponse>(groupsUrl(this.params), controller.signal).then(
				(r) => ((this.answer = r), (this.problem = '')),
				(e: Error) => e.name !== 'AbortError' && (this.problem = e.message)
			);
			return () => controller.abort();
		});
	}

	open(key: string): void {
		if (!this.state.open.includes(key)) this.state.open = [...this.state.open, key];
	}

	close(key: string): void {
		this.state.open = this.state.open.filter((k) => k !== key);
	}

	/** Another grouping: its groups are other groups, none opened. */
	choose(group: ExploreState['group']): void {
		this.state.group = group;
		this.state.open = [];
	}
}
