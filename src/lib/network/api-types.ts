/**
 * Shapes of the graph API answers (/api/v1/graph*, /api/v1/paths): the types of the very schemas the OpenAPI
 * document publishes and the API test parses every real answer with (tests/integration/openapi-responses.spec.ts),
 * so the browser's idea of an answer cannot drift from the answer.
 */
import type { z } from 'zod';
import type { commonResponse, graphMetricsResponse, graphResponse, pathsResponse } from '$lib/domain/api/responses';

export type GraphResponse = z.output<typeof graphResponse>;
export type GraphNode = GraphResponse['nodes'][number];
export type GraphEdge = GraphResponse['edges'][number];
export type Confirmation = GraphEdge['confirmation'];

export type { MetricId } from '$lib/domain/explore-params';

export type MetricsResponse = z.output<typeof graphMetricsResponse>;
export type NodeMetrics = MetricsResponse['nodes'][string];
export type TopEntry = MetricsResponse['top']['degree'][number];

export type PathsResponse = z.output<typeof pathsResponse>;
export type GraphPath = PathsResponse['paths'][number];
export type PathEdge = GraphPath['edges'][number];
/** A path's relation as a reader checks it: its sentence, its notes and its source (a page links the URLs). */
export type PathSentence = GraphPath['details'][number];
export type PathEntity = PathsResponse['entities'][string];

export type CommonResponse = z.output<typeof commonResponse>;
export type CommonItem = CommonResponse['items'][number];
