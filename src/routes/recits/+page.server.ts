import { getDb } from '$lib/server/db/connection';
import { pageLoad } from '$lib/server/http/page';
import { storyIndex } from '$lib/server/services/story.service';
import type { PageServerLoad } from './$types';

export const load = pageLoad(({ locals, setHeaders }) => {
	// Editors see the drafts too: their index must not be cached for anyone else.
	if (locals.user) setHeaders({ 'cache-control': 'private, no-store' });
	return storyIndex(getDb(), locals.user);
}) satisfies PageServerLoad;
