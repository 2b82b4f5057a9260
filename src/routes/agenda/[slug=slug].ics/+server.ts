import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db/connection';
import { apiFile } from '$lib/server/http/api';
import { eventIcs } from '$lib/server/services/export.service';

/** « Ajouter à mon agenda »: one event's calendar file. */
export const GET: RequestHandler = apiFile(({ params, url }) => eventIcs(getDb(), params.slug, url.origin));
