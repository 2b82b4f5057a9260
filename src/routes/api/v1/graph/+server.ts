import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db/connection';
import { apiGet, KEPT } from '$lib/server/http/api';
import { graphView } from '$lib/server/services/graph.service';

export const GET: RequestHandler = apiGet(({ url }) => graphView(getDb(), url.searchParams), KEPT);
