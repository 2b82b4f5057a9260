import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/connection';
import { apiPageData } from '$lib/server/openapi/api-page';

export const load = (() => apiPageData(getDb())) satisfies PageServerLoad;
