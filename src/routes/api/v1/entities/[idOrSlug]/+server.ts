import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db/connection';
import { apiGet, LIGHT } from '$lib/server/http/api';
import { entityApi } from '$lib/server/services/entity-api.service';

export const GET: RequestHandler = apiGet(({ params }) => entityApi(getDb(), params.idOrSlug), LIGHT);
