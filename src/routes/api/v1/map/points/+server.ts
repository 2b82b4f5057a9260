import type { RequestHandler } from './$types';
import { entityFiltersSchema } from '$lib/domain/filters';
import { getDb } from '$lib/server/db/connection';
import { apiGetBytes } from '$lib/server/http/api';
import { mapPointsJson } from '$lib/server/services/map.service';
import { parseParams } from '$lib/server/services/params';

/** The points in JSON, built off the event loop when many (see mapPointsJson); kept per data revision. */
export const GET: RequestHandler = apiGetBytes(({ url }) => mapPointsJson(getDb(), parseParams(entityFiltersSchema, url.searchParams)), 'application/json');
