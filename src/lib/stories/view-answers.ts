import { decodeExplore, filterKey as filterKeyOf } from '$lib/domain/explore-params';
import type { StoryView } from '$lib/domain/story-view';
import { pointsUrl } from '$lib/map/map-data';
import { graphDataParams, previewParams } from '$lib/network/graph-params';
import { firstLayoutUrl, GRAPH_LIMIT, graphUrl, previewUrl } from '$lib/network/graph-data';

/*
 * The site's own addresses a récit's step is drawn from: the reader asks them, a frozen récit keeps their answers
 * (« figé au … »). Written once, for both: the server gathers these answers when an editor freezes the récit, and
 * the reader's data layer finds them under the same addresses (map-data.ts' answer book).
 */

/** The key of the step's still picture among its answers (its SVG, for readers without JavaScript and for print). */
export const PICTURE = 'picture.svg';

/** `lang`: the reader's language (the graph's first positions are asked in it). */
export function viewAnswerUrls(view: StoryView, lang: 'fr' | 'en' = 'fr'): string[] {
	const params = new URLSearchParams(view.search);
	const query = decodeExplore(params).value;
	const key = filterKeyOf(query);
	const urls: string[] = [];
	if (view.kind === 'map' || view.kind === 'explorer') urls.push(pointsUrl(key));
	if (view.kind === 'network' || view.kind === 'explorer') {
		const data = graphDataParams(key, query, GRAPH_LIMIT);
		// The graph and where the server first places its nodes (a frozen récit keeps the French reader's).
		urls.push(graphUrl(data), firstLayoutUrl(previewParams(data, query, lang)));
		if (typeof query.from === 'number' && typeof query.to === 'number') urls.push(`/api/v1/paths?from=${query.from}&to=${query.to}`);
	}
	if (view.kind === 'flows') urls.push(`/api/v1/pathways/flows${view.search}`);
	if (view.kind === 'pathway' && view.slug) urls.push(`/api/v1/pathways?entity=${encodeURIComponent(view.slug)}`);
	return urls;
}

/** The still picture of a view: the server's SVG of the map or of the network, as the view shows it. */
export function viewPictureUrl(view: StoryView, lang: 'fr' | 'en' = 'fr'): string | null {
	const params = new URLSearchParams(view.search);
	const query = decodeExplore(params).value;
	if (view.kind === 'map') return `/carte/apercu.svg${view.search}${lang === 'en' ? `${view.search ? '&' : '?'}lang=en` : ''}`;
	if (view.kind === 'network' || view.kind === 'explorer') {
		const picture = new URLSearchParams(previewParams(graphDataParams(filterKeyOf(query), query, GRAPH_LIMIT), query, lang));
		// The path of a « de X à Y » step, drawn over the still.
		if (query.from != null && query.to != null) {
			picture.set('from', String(query.from));
			picture.set('to', String(query.to));
		}
		return previewUrl(picture.toString());
	}
	return null;
}
