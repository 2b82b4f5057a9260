import { getDb } from '$lib/server/db/connection';
import { apiFile } from '$lib/server/http/api';
import { frozenPicture } from '$lib/server/services/story.service';
import type { RequestHandler } from './$types';

/** A frozen step's still picture, as it was drawn the day the récit was frozen. */
export const GET: RequestHandler = apiFile(({ params, locals }) => ({
	body: frozenPicture(getDb(), params.slug, Number(params.n) - 1, locals.user),
	contentType: 'image/svg+xml; charset=utf-8',
	filename: `recit-${params.slug}-etape-${params.n}.svg`,
	inline: true
}));
