import { fetchJson } from '$lib/map/map-data';
import type { GraphResponse, MetricsResponse } from './api-types';

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
