import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db/connection';
import { apiFile } from '$lib/server/http/api';
import { pathwaysReady } from '$lib/server/pathways/pathway-cache';
import { flowsCsv } from '$lib/server/services/pathway.service';

export const GET: RequestHandler = apiFile(async ({ url }) => {
	await pathwaysReady(getDb());
	return flowsCsv(getDb(), url.searchParams);
});
