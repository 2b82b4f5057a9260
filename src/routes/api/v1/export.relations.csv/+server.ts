import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db/connection';
import { apiFile } from '$lib/server/http/api';
import { relationsCsv } from '$lib/server/services/graph.service';

export const GET: RequestHandler = apiFile(({ url }) => relationsCsv(getDb(), url.searchParams));
