import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db/connection';
import { apiGet, KEPT } from '$lib/server/http/api';
import { pathwayProjects } from '$lib/server/services/pathway.service';

export const GET: RequestHandler = apiGet(({ url }) => pathwayProjects(getDb(), url.searchParams), KEPT);
