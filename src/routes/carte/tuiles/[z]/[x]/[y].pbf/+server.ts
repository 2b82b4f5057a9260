import type { RequestHandler } from './$types';
import { entityFiltersSchema } from '$lib/domain/filters';
import { getDb } from '$lib/server/db/connection';
import { apiGetBytes } from '$lib/server/http/api';
import { isServedTile } from '$lib/server/map/cluster-tiles';
import { ValidationError } from '$lib/server/services/errors';
import { parseParams } from '$lib/server/services/params';
import { mapTile } from '$lib/server/worker/tiles-worker';

/**
 * /carte's actors as clustered vector tiles (issue 18), for the page's own map: the filters are those of the
 * points' address. Cut in a worker thread, kept per data revision like the other answers in bytes. A file's
 * address (`.pbf`): one address in every language, like the API (see isLocalisedPath).
 */
export const GET: RequestHandler = apiGetBytes(({ params, url }) => {
	const [z, x, y] = [params.z, params.x, params.y].map((v) => (/^\d{1,7}$/.test(v) ? Number(v) : NaN)) as [number, number, number];
	if (!isServedTile(z, x, y)) throw new ValidationError([`tuile inconnue : ${params.z}/${params.x}/${params.y}`]);
	return mapTile(getDb(), parseParams(entityFiltersSchema, url.searchParams), z, x, y);
}, 'application/vnd.mapbox-vector-tile');
