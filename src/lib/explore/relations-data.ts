/**
 * Loading for the relations drawn on the map: the graph API's answer (its actors carry their position and
 * commune), and the places arcs join (an actor's own point, or its intercommunality's centre for flows).
 */
import { fetchJson, territories } from '$lib/map/map-data';
import type { GraphEdge, GraphNode, GraphResponse } from '$lib/network/api-types';
import type { ArcPlace } from './arcs';

/** How many actors (the most related first) the map's relations layer asks for: enough for the whole demo and most filters at the 10k scale. */
export const MAP_RELATIONS_LIMIT = 5000;

/** The graph API's parameters for the relations of the filters (and relation types, confirmed only). */
export function relationsParams(filterKey: string, types: readonly string[], confirmed: boolean, limit = MAP_RELATIONS_LIMIT): string {
	const params = new URLSearchParams(filterKey);
	for (const t of types) params.append('type', t);
	if (confirmed) params.set('confirmed', '1');
	params.set('limit', String(limit));
	params.set('connected', '1');
	return params.toString();
}

const cache = new Map<string, Promise<GraphResponse>>();
/** The relations of a view, fetched once per page life and parameters (the explorer's two panes share them). */
export function fetchRelations(params: string): Promise<GraphResponse> {
	let p = cache.get(params);
	if (!p) {
		p = fetchJson<GraphResponse>(`/api/v1/graph?${params}`);
		p.catch(() => cache.delete(params));
		cache.set(params, p);
		if (cache.size > 6) cache.delete(cache.keys().next().value as string);
	}
	return p;
}

/** Each placed actor's point, grouped by commune (two actors of one town share the arc's end). */
export function actorPlaces(nodes: readonly Pick<GraphNode, 'id' | 'lon' | 'lat' | 'communeCode'>[]): Map<number, ArcPlace> {
	const out = new Map<number, ArcPlace>();
	for (const n of nodes) {
		if (n.lon == null || n.lat == null) continue;
		out.set(n.id, { lon: n.lon, lat: n.lat, key: n.communeCode ?? `${n.lon.toFixed(4)},${n.lat.toFixed(4)}` });
	}
	return out;
}

/** Each actor's intercommunality, as the place a flow starts or ends at (its centre). */
export async function epciPlaces(nodes: readonly Pick<GraphNode, 'id' | 'communeCode'>[]): Promise<Map<number, ArcPlace>> {
	const [communes, epcis] = await Promise.all([territories('commune', 'point'), territories('epci', 'point')]);
	const epciOf = new Map(communes.features.map((f) => [f.properties.code, f.properties.epciCode]));
	const centre = new Map(epcis.features.flatMap((f) => (f.properties.centroid ? [[f.properties.code, f.properties.centroid] as const] : [])));
	const out = new Map<number, ArcPlace>();
	for (const n of nodes) {
		const code = n.communeCode ? epciOf.get(n.communeCode) : null;
		const c = code ? centre.get(code) : null;
		if (code && c) out.set(n.id, { lon: c[0], lat: c[1], key: code });
	}
	return out;
}

/** The intercommunalities' names by code (a flow's panel names its two ends). */
export async function epciNames(): Promise<Map<string, string>> {
	const epcis = await territories('epci', 'point');
	return new Map(epcis.features.map((f) => [f.properties.code, f.properties.name]));
}

/** A graph answer's relation as the phrasing module reads it. */
export const checkedEdge = (e: GraphEdge) => ({
	...e,
	startDate: e.startDate ?? null,
	endDate: e.endDate ?? null,
	confirmation: e.confirmation ?? 'declared',
	sourceRef: e.sourceRef ?? null
});
