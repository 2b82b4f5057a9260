import { getDb } from '$lib/server/db/connection';
import { formAction, pageLoad } from '$lib/server/http/page';
import { formFailure, idFrom, requireUser } from '$lib/server/http/form-failure';
import { pickFrom, pickState } from '$lib/server/http/listing-pick';
import { categoriesByKind, offerTerms, relationTypeTerms, sectorTerms, stageTerms } from '$lib/domain/vocabulary';
import { basemapSetting } from '$lib/server/config';
import { geocoderFromEnv } from '$lib/server/geocode';
import { inFieldOrder, readListingForm } from '$lib/server/http/listing-form';
import { listingPlaceFacts, placeListing, type Placement } from '$lib/server/services/listing-placement.service';
import {
	confirmRelation,
	declareRelation,
	removeRelation,
	submitEntityUpdate,
	submitRelationUpdate,
	withdrawPendingChange,
	type EntityPatch,
	type SubmitResult
} from '$lib/server/services/contribution.service';
import { listingOption, resolveListing } from '$lib/server/services/listing-picker.service';
import { listingForEdit } from '$lib/server/services/partner-space.service';
import type { AccountUser } from '$lib/server/services/users.service';
import type { RelationType } from '$lib/domain/vocabulary';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { imageAction } from './image-action';
import { disputeActions } from './dispute-actions';

export const load = pageLoad(({ locals, url, params, setHeaders }) => {
	const user = requireUser(locals.user, url);
	setHeaders({ 'cache-control': 'private, no-store' });
	const db = getDb();
	const listing = listingForEdit(db, user, idFrom(params.id));
	return {
		listing,
		place: listingPlaceFacts(db, { ...listing.entity, ...(listing.pending?.values ?? {}) }),
		sectors: sectorTerms,
		stages: stageTerms,
		offers: offerTerms,
		categories: categoriesByKind[listing.entity.kind as keyof typeof categoriesByKind],
		basemap: basemapSetting(),
		relationTypes: relationTypeTerms
	};
}) satisfies PageServerLoad;

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();
const orNull = (v: string) => (v ? v : null);

const placedMessage = (p: Placement) => (p.sentence ? ` ${p.sentence}` : '');

const doneMessage = (r: SubmitResult) =>
	r.status === 'pending'
		? m.partner_edit_sent()
		: r.status === 'withdrawn'
			? m.partner_edit_reverted()
			: r.status === 'applied'
				? m.partner_edit_published()
				: m.partner_edit_unchanged();

/**
 * One action = read the form, call the service, say what happened. `scope` and `target` (a relation, a
 * proposal) tell the page which form the answer belongs to, so it is printed next to that form.
 */
function action(scope: string, targetField: string | null, run: (user: AccountUser, form: FormData, event: RequestEvent) => string) {
	const targetOf = (form: FormData) => (targetField ? Number(form.get(targetField)) || 0 : 0);
	return formAction(
		(event: RequestEvent, form) => ({ scope, target: targetOf(form), done: run(requireUser(event.locals.user, event.url), form, event) }),
		(e, form) => formFailure(e, { scope, target: targetOf(form), values: {} as Record<string, unknown>, pick: pickState(e) })
	);
}

const RELATION_FIELDS = ['direction', 'type', 'startDate', 'endDate', 'source'] as const;

export const actions = {
	modifier: (event) => {
		// What was read so far comes back with a refusal: nothing to type twice.
		let patch: EntityPatch = {};
		return formAction(
			async ({ locals, url, params }: typeof event, form) => {
				const user = requireUser(locals.user, url);
				const db = getDb();
				const id = idFrom(params.id);
				// Reading the listing first authorises too: someone else's id stops here with a 403.
				const { entity, editableFields, pending } = listingForEdit(db, user, id);
				const shown = { ...entity, ...(pending?.values ?? {}) };
				const read = readListingForm(form, shown, editableFields);
				patch = read.patch as EntityPatch;
				// The geocoder answers within its own timeout; the request waits, the server does not.
				const placed = await placeListing(db, user, geocoderFromEnv(), shown, read, read.venue === 'pick' ? pickFrom(form, 'venueId') : null);
				patch = inFieldOrder(placed.patch) as EntityPatch;
				const result = submitEntityUpdate(db, user, id, patch, Number(form.get('version')));
				const said = result.status === 'unchanged' || result.status === 'withdrawn' ? '' : placedMessage(placed.placement);
				return { scope: 'modifier', target: 0, done: doneMessage(result) + said };
			},
			(e) => formFailure(e, { scope: 'modifier', target: 0, values: patch as Record<string, unknown>, pick: pickState(e) })
		)(event);
	},
	relier: (event) => {
		// The other actor once found: a refusal for another reason keeps it chosen, nothing to look up twice.
		let other = 0;
		return formAction(
			({ locals, url, params }: typeof event, form) => {
				const user = requireUser(locals.user, url);
				const db = getDb();
				const id = idFrom(params.id);
				other = resolveListing(db, user, pickFrom(form, 'otherId'), { exclude: id });
				const outgoing = form.get('direction') !== 'in';
				const r = declareRelation(db, user, {
					type: text(form, 'type') as RelationType,
					sourceId: outgoing ? id : other,
					targetId: outgoing ? other : id,
					startDate: orNull(text(form, 'startDate')),
					endDate: orNull(text(form, 'endDate')),
					source: orNull(text(form, 'source'))
				});
				const done =
					r.status === 'pending'
						? m.partner_relation_proposed()
						: r.confirmation === 'confirmed'
							? m.partner_relation_saved_confirmed()
							: m.partner_relation_declared();
				return { scope: 'relier', target: 0, done };
			},
			(e, form, { locals }) => {
				const chosen = other && locals.user ? listingOption(getDb(), locals.user, other) : null;
				const pick = pickState(e) ?? (chosen ? { field: 'otherId', query: chosen.name, candidates: [chosen], message: m.partner_other_chosen() } : null);
				const values = Object.fromEntries(RELATION_FIELDS.map((f) => [f, text(form, f)]));
				return formFailure(e, { scope: 'relier', target: 0, values: values as Record<string, unknown>, pick, chosen: !!chosen });
			}
		)(event);
	},
	terminer: action('terminer', 'relationId', (user, form) =>
		doneMessage(submitRelationUpdate(getDb(), user, idFrom(form.get('relationId')), { endDate: orNull(text(form, 'endDate')) }, Number(form.get('version'))))
	),
	confirmer: action('confirmer', 'relationId', (user, form) => {
		confirmRelation(getDb(), user, idFrom(form.get('relationId')));
		return m.partner_relation_confirmed();
	}),
	supprimer: action('supprimer', 'relationId', (user, form) => {
		const r = removeRelation(getDb(), user, idFrom(form.get('relationId')), Number(form.get('version')));
		return r.status === 'pending' ? m.partner_removal_proposed() : m.partner_relation_removed();
	}),
	retirer: action('retirer', 'pendingId', (user, form) => {
		withdrawPendingChange(getDb(), user, idFrom(form.get('pendingId')));
		return m.partner_proposal_withdrawn();
	}),
	image: imageAction,
	...disputeActions
} satisfies Actions;
