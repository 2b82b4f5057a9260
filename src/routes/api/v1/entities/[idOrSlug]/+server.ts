import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db/connection';
import { apiGet } from '$lib/server/http/api';
import { getEntityWithRelations } from '$lib/server/services/entity.service';

export const GET: RequestHandler = apiGet(({ params }) => getEntityWithRelations(getDb(), params.idOrSlug));
