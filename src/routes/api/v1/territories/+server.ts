import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db/connection';
import { apiGet, KEPT } from '$lib/server/http/api';
import { territoriesGeoJson } from '$lib/server/services/territory.service';

export const GET: RequestHandler = apiGet(({ url }) => territoriesGeoJson(getDb(), url.searchParams), KEPT);
