import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db/connection';
import { apiGet } from '$lib/server/http/api';
import { graphViewCompact } from '$lib/server/services/graph-compact.service';

// Not kept per data revision: the positions change without a write (the previous revision's, then this one's).
export const GET: RequestHandler = apiGet(({ url }) => graphViewCompact(getDb(), url.searchParams));
