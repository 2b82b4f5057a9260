import type { CardEntity } from '$lib/components/ActorCard.svelte';
import type { ExploreState } from '$lib/explore/explore-state.svelte';
import { fetchJson } from '$lib/map/map-data';
import { communeName } from './commune-name';
import { idOf, type GraphManager } from './graph.manager.svelte';

/**
 * The selected actor's card (`state.actor`): its listing from the API, and its commune by name: from the
 * graph's node when the view has it, else from the commune search (never the INSEE code).
 */
export class ActorCardLoader {
	readonly state: ExploreState;
	entity = $state.raw<CardEntity | null>(null);
	error = $state('');
	communeName = $state<string | null>(null);
	readonly loading = $derived.by(() => idOf(this.state.actor) != null && !this.entity && !this.error);

	constructor(state: ExploreState, graph?: GraphManager) {
		this.state = state;
		$effect(() => {
			const id = idOf(this.state.actor);
			this.entity = null;
			this.error = '';
			this.communeName = null;
			if (id == null) return;
			const controller = new AbortController();
			fetchJson<CardEntity>(`/api/v1/entities/${id}`, controller.signal).then(
				async (body) => {
					const code = body.communeCode;
					const known = graph?.node(id)?.communeName ?? null;
					this.communeName = known ?? (code ? await communeName(code) : null);
					if (!controller.signal.aborted) this.entity = body;
				},
				(e: Error) => e.name !== 'AbortError' && (this.error = e.message)
			);
			return () => controller.abort();
		});
	}
}
