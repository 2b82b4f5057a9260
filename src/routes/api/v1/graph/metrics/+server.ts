import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db/connection';
import { apiGet } from '$lib/server/http/api';
import { metricsVersion } from '$lib/server/graph/graph-cache';
import { graphMetricsJson } from '$lib/server/services/graph.service';

// Kept until newer metrics are computed (they replace the earlier ones served meanwhile without any write).
export const GET: RequestHandler = apiGet(() => graphMetricsJson(getDb()), { version: () => metricsVersion(getDb()) });
