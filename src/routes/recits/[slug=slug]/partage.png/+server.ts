import { getDb } from '$lib/server/db/connection';
import { apiGetBytes } from '$lib/server/http/api';
import { storyShareImage } from '$lib/server/services/story-share.service';
import type { RequestHandler } from './$types';

/**
 * The récit's share image (Open Graph), a PNG drawn on the server. Its address carries the récit's version
 * (`?v=`): an edited title is a new address, not an old picture kept by the server or a preview.
 */
export const GET: RequestHandler = apiGetBytes(({ params, fetch }) => storyShareImage(getDb(), params.slug, fetch), 'image/png');
