import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db/connection';
import { apiGet, KEPT } from '$lib/server/http/api';
import { findPaths } from '$lib/server/services/path.service';

export const GET: RequestHandler = apiGet(({ url }) => findPaths(getDb(), url.searchParams), KEPT);
