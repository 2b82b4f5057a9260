import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db/connection';
import { apiGet } from '$lib/server/http/api';
import { articlesApi } from '$lib/server/services/article.service';

export const GET: RequestHandler = apiGet(({ url }) => articlesApi(getDb(), url.searchParams));
