import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db/connection';
import { apiGet } from '$lib/server/http/api';
import { graphMetrics } from '$lib/server/services/graph.service';

export const GET: RequestHandler = apiGet(() => graphMetrics(getDb()));
