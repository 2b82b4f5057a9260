import { redirect } from '@sveltejs/kit';
import { basemapSetting } from '$lib/server/config';
import { getDb } from '$lib/server/db/connection';
import { getPortrait } from '$lib/server/services/entity.service';
import { rethrowAsPageError } from '$lib/server/services/page-errors.service';
import { NotFoundError } from '$lib/server/services/errors';
import { mergedInto } from '$lib/server/services/moderation.service';
import { entityPathway } from '$lib/server/services/pathway.service';
import type { PageServerLoad } from './$types';

export const load = (({ params }) => {
	try {
		const db = getDb();
		const portrait = getPortrait(db, params.slug);
		// Null for actors that have no pathway (anything but startups, companies and entrepreneurs).
		return { ...portrait, pathway: entityPathway(db, params.slug), basemap: basemapSetting() };
	} catch (e) {
		// A listing merged into another one: its old address keeps working, permanently moved.
		const target = e instanceof NotFoundError ? mergedInto(getDb(), params.slug) : undefined;
		if (target) redirect(301, `/acteurs/${target}`);
		rethrowAsPageError(e);
	}
}) satisfies PageServerLoad;
