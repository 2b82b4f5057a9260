import { EXPLORE_DEFAULTS, hidesIsolated, type ExploreQuery } from '$lib/domain/explore-params';

/**
 * The graph API's query strings for an explore state (its codec value, `ExploreState.query`): what the
 * browser asks the server for. The page's own address is the codec's (`ExploreState.href`).
 */

type DataView = Pick<ExploreQuery, 'type' | 'confirmed' | 'focus' | 'depth' | 'isolated'>;
type DrawView = Pick<ExploreQuery, 'year' | 'layout' | 'centrality' | 'size' | 'colour'>;

/** The parameters that change which nodes and edges the server sends (not the year: replayed in the browser). */
export function graphDataParams(filterKey: string, view: DataView, limit: number | null): string {
	const params = new URLSearchParams(filterKey);
	for (const t of view.type) params.append('type', t);
	if (view.confirmed) params.set('confirmed', '1');
	if (view.focus != null) {
		params.set('focus', String(view.focus));
		params.set('depth', String(view.depth));
	} else if (limit != null) params.set('limit', String(limit));
	if (hidesIsolated(view)) params.set('connected', '1');
	return params.toString();
}

/** The server's first picture of the view (/reseau/apercu.svg and .json): the data, the year and how it is drawn. */
export function previewParams(dataParams: string, view: DrawView, lang: 'fr' | 'en' = 'fr'): string {
	const params = new URLSearchParams(dataParams);
	if (view.year != null) params.set('year', String(view.year));
	if (view.layout !== EXPLORE_DEFAULTS.layout) params.set('layout', view.layout);
	if (view.layout === 'concentric' && view.centrality !== EXPLORE_DEFAULTS.centrality) params.set('centrality', view.centrality);
	if (view.size !== EXPLORE_DEFAULTS.size) params.set('size', view.size);
	if (view.colour !== EXPLORE_DEFAULTS.colour) params.set('colour', view.colour);
	// The grouped picture names its groups: in the page's language.
	if (lang !== 'fr' && view.layout === 'grouped') params.set('lang', lang);
	return params.toString();
}

/** Export links: what the view shows, year included. */
export function exportParams(filterKey: string, view: DataView & Pick<ExploreQuery, 'year'>): string {
	const params = new URLSearchParams(graphDataParams(filterKey, view, null));
	if (view.year != null) params.set('year', String(view.year));
	return params.toString();
}
