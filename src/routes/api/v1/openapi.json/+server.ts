import type { RequestHandler } from './$types';
import { apiGet } from '$lib/server/http/api';
import { openApiDocument } from '$lib/server/openapi/document';
import { openApiQuerySchema } from '$lib/server/openapi/registry';
import { parseParams } from '$lib/server/services/params';

export const GET: RequestHandler = apiGet(({ url }) => openApiDocument(url.origin, parseParams(openApiQuerySchema, url.searchParams).lang));
