import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db/connection';
import { apiFile } from '$lib/server/http/api';
import { exportJson } from '$lib/server/services/export.service';

export const GET: RequestHandler = apiFile(({ url }) => exportJson(getDb(), url.searchParams));
