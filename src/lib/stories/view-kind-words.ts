import type { StoryViewKind } from '$lib/domain/story-view';
import { m } from '$lib/paraglide/messages';

/** « Carte », « Réseau », « Carte et réseau », « Flux des parcours », « Parcours d'un projet »: what a step shows. */
export const viewKindWords: Record<StoryViewKind, () => string> = {
	map: m.stories_view_map,
	network: m.stories_view_network,
	explorer: m.stories_view_explorer,
	flows: m.stories_view_flows,
	pathway: m.stories_view_pathway
};
