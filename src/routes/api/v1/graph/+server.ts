import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db/connection';
import { apiGet } from '$lib/server/http/api';
import { graphView, graphViewVersion } from '$lib/server/services/graph.service';

export const GET: RequestHandler = apiGet(({ url }) => graphView(getDb(), url.searchParams), {
	version: ({ url }) => graphViewVersion(getDb(), url.searchParams)
});
