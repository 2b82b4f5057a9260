import type { MetricId } from './api-types';
import type { ColourBy, SizeBy } from './elements';
import type { LayoutId } from './layouts';

/** /reseau's own view state, next to the shared filters (the same canonical key as /carte's). */
export interface ReseauView {
	types: string[];
	year: number | null;
	confirmed: boolean;
	focus: number | null;
	depth: 1 | 2 | 3;
	layout: LayoutId;
	size: SizeBy;
	colour: ColourBy;
	centrality: MetricId;
	from: number | null;
	to: number | null;
	/** Which of the paths from X to Y is drawn (« Chemin 2/3 »), 1-based; null: the first. */
	path: number | null;
	/** « Masquer les acteurs sans relation »: null follows the default (see hidesIsolated). */
	isolated: 'show' | 'hide' | null;
}

export const DEFAULT_VIEW: ReseauView = {
	types: [],
	year: null,
	confirmed: false,
	focus: null,
	depth: 1,
	layout: 'fcose',
	size: 'degree',
	colour: 'kind',
	centrality: 'degree',
	from: null,
	to: null,
	path: null,
	isolated: null
};

/**
 * Whether actors with no relation in the view are left out. By default, as soon as relations are
 * filtered (types, confirmed only): otherwise the dozens of actors the filter leaves alone fill the view.
 */
export function hidesIsolated(view: Pick<ReseauView, 'types' | 'confirmed' | 'isolated'>): boolean {
	return view.isolated == null ? view.types.length > 0 || view.confirmed : view.isolated === 'hide';
}

/** The parameters that change which nodes and edges the server sends (not the year: replayed in the browser). */
export function graphDataParams(filterKey: string, view: Pick<ReseauView, 'types' | 'confirmed' | 'focus' | 'depth' | 'isolated'>, limit: number | null): string {
	const params = new URLSearchParams(filterKey);
	for (const t of view.types) params.append('type', t);
	if (view.confirmed) params.set('confirmed', '1');
	if (view.focus != null) {
		params.set('focus', String(view.focus));
		params.set('depth', String(view.depth));
	} else if (limit != null) params.set('limit', String(limit));
	if (hidesIsolated(view)) params.set('connected', '1');
	return params.toString();
}

/** The server's first picture of the view (/reseau/apercu.svg and .json): the data, the year and how it is drawn. */
export function previewParams(dataParams: string, view: Pick<ReseauView, 'year' | 'layout' | 'centrality' | 'size' | 'colour'>): string {
	const params = new URLSearchParams(dataParams);
	if (view.year != null) params.set('year', String(view.year));
	if (view.layout !== DEFAULT_VIEW.layout) params.set('layout', view.layout);
	if (view.layout === 'concentric' && view.centrality !== DEFAULT_VIEW.centrality) params.set('centrality', view.centrality);
	if (view.size !== DEFAULT_VIEW.size) params.set('size', view.size);
	if (view.colour !== DEFAULT_VIEW.colour) params.set('colour', view.colour);
	return params.toString();
}

/** Export links: what the view shows, year included. */
export function exportParams(filterKey: string, view: ReseauView): string {
	const params = new URLSearchParams(graphDataParams(filterKey, view, null));
	if (view.year != null) params.set('year', String(view.year));
	return params.toString();
}

export function reseauHref(filterKey: string, view: Partial<ReseauView>): string {
	const v = { ...DEFAULT_VIEW, ...view };
	const params = new URLSearchParams(filterKey);
	for (const t of v.types) params.append('type', t);
	if (v.year != null) params.set('year', String(v.year));
	if (v.confirmed) params.set('confirmed', '1');
	if (v.focus != null) params.set('focus', String(v.focus));
	if (v.focus != null && v.depth !== 1) params.set('depth', String(v.depth));
	if (v.layout !== DEFAULT_VIEW.layout) params.set('layout', v.layout);
	if (v.size !== DEFAULT_VIEW.size) params.set('size', v.size);
	if (v.colour !== DEFAULT_VIEW.colour) params.set('colour', v.colour);
	if (v.centrality !== DEFAULT_VIEW.centrality) params.set('centrality', v.centrality);
	if (v.from != null) params.set('from', String(v.from));
	if (v.to != null) params.set('to', String(v.to));
	if (v.from != null && v.to != null && v.path != null && v.path > 1) params.set('path', String(v.path));
	// Written only when it differs from the default, so the address always says what the view shows.
	if (v.isolated != null && (v.isolated === 'hide') !== hidesIsolated({ ...v, isolated: null })) params.set('isolated', v.isolated);
	const qs = params.toString();
	return qs ? `/reseau?${qs}` : '/reseau';
}

/** « Voir sur la carte »: /carte centred on the actor, with the same filters. */
export function carteActorHref(filterKey: string, actor: number): string {
	return `/carte?${filterKey ? `${filterKey}&` : ''}actor=${actor}`;
}

/** The map card's way back: the graph focused on that actor, with the same filters. */
export function reseauFocusHref(filterKey: string, actor: number): string {
	return `/reseau?${filterKey ? `${filterKey}&` : ''}focus=${actor}`;
}
