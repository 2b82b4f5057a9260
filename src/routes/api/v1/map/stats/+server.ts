import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db/connection';
import { apiGet, KEPT } from '$lib/server/http/api';
import { mapStats, statsParamsSchema } from '$lib/server/services/map.service';
import { parseParams } from '$lib/server/services/params';

export const GET: RequestHandler = apiGet(({ url }) => mapStats(getDb(), parseParams(statsParamsSchema, url.searchParams)), KEPT);
