import { redirect } from '@sveltejs/kit';
import { basemapSetting } from '$lib/server/config';
import { getDb } from '$lib/server/db/connection';
import { getPortrait, territoryBreadcrumb } from '$lib/server/services/entity.service';
import { pageLoad } from '$lib/server/http/page';
import { NotFoundError } from '$lib/server/services/errors';
import { mergedInto } from '$lib/server/services/moderation.service';
import { entityPathway } from '$lib/server/services/pathway.service';
import { pathwaysReady } from '$lib/server/pathways/pathway-cache';
import { listingFreshness } from '$lib/server/services/freshness.service';
import { practicalInfo } from '$lib/server/services/practical-info.service';
import { actorEvents, eventNextDates } from '$lib/server/services/agenda.service';
import { pressOfEntity } from '$lib/server/services/article.service';
import { storiesFeaturing } from '$lib/server/services/story.service';
import { backLink } from './back-link';
import type { PageServerLoad } from './$types';

export const load = pageLoad(
	async ({ params, request, url, setHeaders, locals }) => {
		const db = getDb();
		const portrait = getPortrait(db, params.slug);
		// At scale the first pathways are built in a worker: awaited, not built here while every visitor waits.
		await pathwaysReady(db);
		// The way back depends on where the visitor came from: a cache must not hand one visitor's to another.
		setHeaders({ vary: 'Referer' });
		const back = backLink(request.headers.get('referer'), url.origin, (code) => territoryBreadcrumb(db, code)[0]);
		// Null for actors that have no pathway (anything but startups, companies and entrepreneurs).
		return {
			...portrait,
			pathway: entityPathway(db, params.slug),
			practical: practicalInfo(db, portrait.entity.id, locals.user),
			basemap: basemapSetting(),
			back,
			freshness: listingFreshness(portrait.entity.lastVerifiedAt),
			events: actorEvents(db, portrait.entity.id),
			nextDates: eventNextDates(portrait.entity),
			press: pressOfEntity(db, portrait.entity.id),
			stories: storiesFeaturing(db, portrait.entity.id)
		};
	},
	(e, { params }) => {
		// A listing merged into another one: its old address keeps working, permanently moved.
		const target = e instanceof NotFoundError ? mergedInto(getDb(), params.slug) : undefined;
		if (target) redirect(301, `/acteurs/${target}`);
	}
) satisfies PageServerLoad;
