import { decodeExplore, exploreHref } from '$lib/domain/explore-params';

/**
 * The map card's way back: the graph focused on that actor, with the same filters. Kept for /carte until
 * it builds its links with `ExploreState.hrefFor('reseau', { focus })`; everything else is the codec's.
 */
export function reseauFocusHref(filterKey: string, actor: number): string {
	return exploreHref('reseau', { ...decodeExplore(new URLSearchParams(filterKey)).value, focus: actor });
}
