import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db/connection';
import { apiGet, KEPT } from '$lib/server/http/api';
import { graphGroups } from '$lib/server/services/graph-groups.service';

export const GET: RequestHandler = apiGet(({ url }) => graphGroups(getDb(), url.searchParams), KEPT);
