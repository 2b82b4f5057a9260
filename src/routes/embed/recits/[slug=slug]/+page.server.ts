import { basemapSetting } from '$lib/server/config';
import { getDb } from '$lib/server/db/connection';
import { pageLoad } from '$lib/server/http/page';
import { readerStory } from '$lib/server/services/story-reader.service';
import type { PageServerLoad } from './$types';

/** A published récit in another site's page: the reader as is, without the site's header (drafts are never embedded). */
export const load = pageLoad(async ({ params }) => ({
	...(await readerStory(getDb(), params.slug, null, 'fr')),
	today: false,
	basemap: basemapSetting()
})) satisfies PageServerLoad;
