import { redirect } from '@sveltejs/kit';
import { categoriesByKind, stageTerms } from '$lib/domain/vocabulary';
import { getDb } from '$lib/server/db/connection';
import { geocoderFromEnv } from '$lib/server/geocode';
import { formFailure, requireUser } from '$lib/server/http/form-failure';
import { readListingForm } from '$lib/server/http/listing-form';
import { pickFrom, pickState } from '$lib/server/http/listing-pick';
import { formAction, pageLoad } from '$lib/server/http/page';
import { mayPropose } from '$lib/server/auth/policy';
import { PARTNER_FIELDS_BY_KIND, type EntityPatch } from '$lib/server/services/contribution.service';
import { ForbiddenError } from '$lib/server/services/errors';
import { organiserChoices, postEvent } from '$lib/server/services/event-posting.service';
import { placeListing } from '$lib/server/services/listing-placement.service';
import { resolveListing } from '$lib/server/services/listing-picker.service';
import { isEditor } from '$lib/server/services/managers.service';
import { localHref } from '$lib/i18n/locale-href';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

/** Co-organisers a partner may name in the form (the service accepts five; the form offers three). */
const CO_ORGANISER_FIELDS = ['coOrganiser1', 'coOrganiser2', 'coOrganiser3'] as const;

export const load = pageLoad(({ locals, url, setHeaders }) => {
	const user = requireUser(locals.user, url);
	if (!mayPropose(user)) throw new ForbiddenError(m.errors_account_not_allowed());
	setHeaders({ 'cache-control': 'private, no-store' });
	return {
		organisers: organiserChoices(getDb(), user),
		editor: isEditor(user),
		categories: categoriesByKind.event,
		stages: stageTerms,
		editable: PARTNER_FIELDS_BY_KIND.event
	};
}) satisfies PageServerLoad;

export const actions = {
	default: (event) => {
		let typed: EntityPatch & Record<string, unknown> = {};
		return formAction(
			async ({ locals, url }: typeof event, form) => {
				const user = requireUser(locals.user, url);
				const db = getDb();
				const editable = PARTNER_FIELDS_BY_KIND.event;
				const read = readListingForm(form, {}, editable);
				typed = { ...read.patch, category: String(form.get('category') ?? ''), organiserId: String(form.get('organiserId') ?? '') };
				const placed = await placeListing(db, user, geocoderFromEnv(), {}, read, read.venue === 'pick' ? pickFrom(form, 'venueId') : null);
				const coOrganiserIds = CO_ORGANISER_FIELDS.map((field) => pickFrom(form, field))
					.filter((pick) => pick.id !== null || pick.query.trim())
					.map((pick) => resolveListing(db, user, pick, { scope: 'live' }));
				const organiserId = Number(form.get('organiserId')) || null;
				const r = postEvent(
					db,
					user,
					{ ...(placed.patch as EntityPatch), name: String(read.patch.name ?? ''), category: String(form.get('category') ?? '') },
					{ organiserId, coOrganiserIds }
				);
				// Published: its own form, where the image and the rest are added. Waiting: the space, which lists it.
				if (r.status === 'applied' && r.entityId) redirect(303, localHref(`/espace/fiches/${r.entityId}?publie=1`));
				return { done: m.partner_event_posted_pending() };
			},
			(e) => formFailure(e, { scope: 'publier', target: 0, values: typed as Record<string, unknown>, pick: pickState(e) })
		)(event);
	}
} satisfies Actions;
