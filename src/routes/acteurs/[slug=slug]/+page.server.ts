import { basemapSetting } from '$lib/server/config';
import { getDb } from '$lib/server/db/connection';
import { getPortrait } from '$lib/server/services/entity.service';
import { rethrowAsPageError } from '$lib/server/services/page-errors.service';
import { entityPathway } from '$lib/server/services/pathway.service';
import type { PageServerLoad } from './$types';

export const load = (({ params }) => {
	try {
		const db = getDb();
		const portrait = getPortrait(db, params.slug);
		// Null for actors that have no pathway (anything but startups, companies and entrepreneurs).
		return { ...portrait, pathway: entityPathway(db, params.slug), basemap: basemapSetting() };
	} catch (e) {
		rethrowAsPageError(e);
	}
}) satisfies PageServerLoad;
