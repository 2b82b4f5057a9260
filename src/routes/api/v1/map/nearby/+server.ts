import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db/connection';
import { apiGet, KEPT } from '$lib/server/http/api';
import { nearby, nearbyParamsSchema } from '$lib/server/services/map.service';
import { parseParams } from '$lib/server/services/params';

export const GET: RequestHandler = apiGet(({ url }) => nearby(getDb(), parseParams(nearbyParamsSchema, url.searchParams)), KEPT);
