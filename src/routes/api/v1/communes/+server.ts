import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db/connection';
import { apiGet, KEPT } from '$lib/server/http/api';
import { searchCommunes } from '$lib/server/services/map.service';

export const GET: RequestHandler = apiGet(({ url }) => searchCommunes(getDb(), url.searchParams), KEPT);
