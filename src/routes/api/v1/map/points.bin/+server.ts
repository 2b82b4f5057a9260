import type { RequestHandler } from './$types';
import { entityFiltersSchema } from '$lib/domain/filters';
import { POINTS_CONTENT_TYPE } from '$lib/map/points-binary';
import { getDb } from '$lib/server/db/connection';
import { apiGetBytes } from '$lib/server/http/api';
import { mapPointsBinary } from '$lib/server/services/map.service';
import { parseParams } from '$lib/server/services/params';

/** The map's points in bytes (issue 18): what /carte draws; /map/points keeps the same points in JSON. */
export const GET: RequestHandler = apiGetBytes(({ url }) => mapPointsBinary(getDb(), parseParams(entityFiltersSchema, url.searchParams)), POINTS_CONTENT_TYPE);
