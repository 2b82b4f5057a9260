import { fetchJson } from '$lib/map/map-data';
import type { GraphResponse, MetricsResponse } from './api-types';
import type { FirstLayout } from './first-layout';

/** Top N by degree when no actor is focused: the whole demo graph fits, the 10k scale starts from its core. */
export const GRAPH_LIMIT = 600;

export const graphUrl = (params: string): string => `/api/v1/graph${params ? `?${params}` : ''}`;

export function fetchGraph(params: string, signal?: AbortSignal): Promise<GraphResponse> {
	return fetchJson<GraphResponse>(graphUrl(params), signal);
}

let metrics: Promise<MetricsResponse | null> | null = null;
/** Whole-graph metrics, computed and cached by the server: fetched once per page life; the view works without them. */
export function fetchMetrics(): Promise<MetricsResponse | null> {
	metrics ??= fetchJson<MetricsResponse>('/api/v1/graph/metrics').catch(() => ((metrics = null), null));
	return metrics;
}

export const firstLayoutUrl = (params: string): string => `/reseau/apercu.json${params ? `?${params}` : ''}`;
export const previewUrl = (params: string): string => `/reseau/apercu.svg${params ? `?${params}` : ''}`;

/** The server's first positions for a view (those of its SVG preview); null when it cannot say (the browser then lays out alone). */
export function fetchFirstLayout(params: string, signal?: AbortSignal): Promise<FirstLayout | null> {
	return fetchJson<FirstLayout>(firstLayoutUrl(params), signal).catch((e: Error) => {
		if (e.name === 'AbortError') throw e;
		return null;
	});
}
