import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db/connection';
import { apiFile } from '$lib/server/http/api';
import { agendaIcs } from '$lib/server/services/export.service';

export const GET: RequestHandler = apiFile(({ url }) => agendaIcs(getDb(), url.searchParams, url.origin));
