import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db/connection';
import { apiFile } from '$lib/server/http/api';
import { graphPreviewSvg } from '$lib/server/services/graph-preview.service';

export const GET: RequestHandler = apiFile(({ url }) => graphPreviewSvg(getDb(), url.searchParams));
