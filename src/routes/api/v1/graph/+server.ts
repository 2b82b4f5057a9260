import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db/connection';
import { apiGet } from '$lib/server/http/api';
import { graphApi } from '$lib/server/services/entity-api.service';

export const GET: RequestHandler = apiGet(({ url }) => graphApi(getDb(), url.searchParams));
