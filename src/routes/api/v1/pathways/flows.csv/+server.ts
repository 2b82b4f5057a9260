import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db/connection';
import { apiFile } from '$lib/server/http/api';
import { flowsCsv } from '$lib/server/services/pathway.service';

export const GET: RequestHandler = apiFile(({ url }) => flowsCsv(getDb(), url.searchParams));
