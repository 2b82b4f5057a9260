import { basemapSetting } from '$lib/server/config';
import { getDb } from '$lib/server/db/connection';
import { pageLoad } from '$lib/server/http/page';
import { readerStory } from '$lib/server/services/story-reader.service';
import { getLocale } from '$lib/paraglide/runtime';
import type { PageServerLoad } from './$types';

export const load = pageLoad(async ({ params, locals, setHeaders, url }) => {
	// Editors read drafts (a preview): their copy must not be cached for the public.
	if (locals.user) setHeaders({ 'cache-control': 'private, no-store' });
	const today = url.searchParams.has('aujourdhui');
	return { ...(await readerStory(getDb(), params.slug, locals.user, getLocale(), today)), origin: url.origin, today, basemap: basemapSetting() };
}) satisfies PageServerLoad;
