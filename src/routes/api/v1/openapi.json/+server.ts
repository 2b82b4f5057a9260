import type { RequestHandler } from './$types';
import { apiGet } from '$lib/server/http/api';
import { openApiDocument } from '$lib/server/openapi/document';

export const GET: RequestHandler = apiGet(({ url }) => openApiDocument(url.origin));
