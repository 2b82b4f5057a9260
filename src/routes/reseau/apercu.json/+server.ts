import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db/connection';
import { apiGet } from '$lib/server/http/api';
import { firstLayoutJson } from '$lib/server/services/graph-preview.service';

/** Where the view's nodes stand first (the same positions as /reseau/apercu.svg): Cytoscape's first frame. */
export const GET: RequestHandler = apiGet(({ url }) => firstLayoutJson(getDb(), url.searchParams));
