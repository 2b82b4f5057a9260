import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db/connection';
import { apiGet, KEPT } from '$lib/server/http/api';
import { pathwaysReady } from '$lib/server/pathways/pathway-cache';
import { findRoute } from '$lib/server/services/pathway.service';

export const GET: RequestHandler = apiGet(async ({ url }) => {
	await pathwaysReady(getDb());
	return findRoute(getDb(), url.searchParams);
}, KEPT);
