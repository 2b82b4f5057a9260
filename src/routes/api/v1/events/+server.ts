import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db/connection';
import { apiGet } from '$lib/server/http/api';
import { eventsApi } from '$lib/server/services/agenda.service';

export const GET: RequestHandler = apiGet(({ url }) => eventsApi(getDb(), url.searchParams));
