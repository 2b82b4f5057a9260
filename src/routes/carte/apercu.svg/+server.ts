import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db/connection';
import { apiFile } from '$lib/server/http/api';
import { mapPreviewFile } from '$lib/server/services/map-preview.service';

export const GET: RequestHandler = apiFile(({ url }) => mapPreviewFile(getDb(), url.searchParams));
