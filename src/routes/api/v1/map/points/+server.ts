import type { RequestHandler } from './$types';
import { entityFiltersSchema } from '$lib/domain/filters';
import { getDb } from '$lib/server/db/connection';
import { apiGet, KEPT } from '$lib/server/http/api';
import { mapPoints } from '$lib/server/services/map.service';
import { parseParams } from '$lib/server/services/params';

export const GET: RequestHandler = apiGet(({ url }) => mapPoints(getDb(), parseParams(entityFiltersSchema, url.searchParams)), KEPT);
