import { getDb } from '$lib/server/db/connection';
import { formFailure, idFrom, requireUser } from '$lib/server/http/form-failure';
import { pickFrom, pickState } from '$lib/server/http/listing-pick';
import { relationTypeTerms, sectorTerms } from '$lib/domain/vocabulary';
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
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { imageAction } from './image-action';
import { disputeActions } from './dispute-actions';

export const load = (({ locals, url, params, setHeaders }) => {
	const user = requireUser(locals.user, url);
	setHeaders({ 'cache-control': 'private, no-store' });
	try {
		return { listing: listingForEdit(getDb(), user, idFrom(params.id)), sectors: sectorTerms, relationTypes: relationTypeTerms };
	} catch (e) {
		return formFailure(e) as never;
	}
}) satisfies PageServerLoad;

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();
/** Browsers send a textarea's line breaks as CRLF: untouched Markdown must not read as a change. */
const multiline = (form: FormData, name: string) => String(form.get(name) ?? '').replace(/\r\n?/g, '\n');
const orNull = (v: string) => (v ? v : null);

/**
 * The form's fields as a patch. Sectors keep their stored order (ticked ones first, new ones after), so
 * an untouched list is not a change.
 */
function entityPatch(form: FormData, currentSectors: string[]): EntityPatch {
	const ticked = form.getAll('sectors').map(String);
	const year = text(form, 'foundedYear');
	return {
		name: text(form, 'name'),
		summary: multiline(form, 'summary').trim(),
		description: multiline(form, 'description'),
		website: orNull(text(form, 'website')),
		address: orNull(text(form, 'address')),
		foundedYear: year ? Number(year) : null,
		sectors: [...currentSectors.filter((s) => ticked.includes(s)), ...ticked.filter((s) => !currentSectors.includes(s))]
	};
}

const doneMessage = (r: SubmitResult) =>
	r.status === 'pending'
		? 'Modification envoyée : elle sera publiée après relecture par l’équipe. En attendant, les valeurs proposées sont marquées « en attente de validation ».'
		: r.status === 'withdrawn'
			? 'Vos valeurs sont à nouveau celles publiées : votre proposition en attente est retirée.'
			: r.status === 'applied'
				? 'Modification publiée.'
				: 'Aucun changement à enregistrer.';

/**
 * One action = read the form, call the service, say what happened. `scope` and `target` (a relation, a
 * proposal) tell the page which form the answer belongs to, so it is printed next to that form.
 */
function action(scope: string, targetField: string | null, run: (user: AccountUser, form: FormData, event: RequestEvent) => string) {
	return async (event: RequestEvent) => {
		const user = requireUser(event.locals.user, event.url);
		const form = await event.request.formData();
		const target = targetField ? Number(form.get(targetField)) || 0 : 0;
		try {
			return { scope, target, done: run(user, form, event) };
		} catch (e) {
			return formFailure(e, { scope, target, values: {} as Record<string, unknown>, pick: pickState(e) });
		}
	};
}

const RELATION_FIELDS = ['direction', 'type', 'startDate', 'endDate', 'source'] as const;

export const actions = {
	modifier: async ({ locals, url, params, request }) => {
		const user = requireUser(locals.user, url);
		const form = await request.formData();
		const db = getDb();
		const id = idFrom(params.id);
		// Reading the listing first authorises too: someone else's id stops here with a 403.
		let patch: EntityPatch = {};
		try {
			const { entity } = listingForEdit(db, user, id);
			patch = entityPatch(form, entity.sectors);
			return { scope: 'modifier', target: 0, done: doneMessage(submitEntityUpdate(db, user, id, patch, Number(form.get('version')))) };
		} catch (e) {
			return formFailure(e, { scope: 'modifier', target: 0, values: patch as Record<string, unknown>, pick: null });
		}
	},
	relier: async ({ locals, url, params, request }) => {
		const user = requireUser(locals.user, url);
		const form = await request.formData();
		const db = getDb();
		const id = idFrom(params.id);
		const values = Object.fromEntries(RELATION_FIELDS.map((f) => [f, text(form, f)]));
		let other = 0;
		try {
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
					? 'Relation proposée : elle figure dans la liste ci-dessus, en attente de validation par l’équipe.'
					: r.confirmation === 'confirmed'
						? 'Relation enregistrée, confirmée par les deux parties.'
						: 'Relation déclarée : elle figure dans la liste ci-dessus, en attente de confirmation par l’autre partie.';
			return { scope: 'relier', target: 0, done };
		} catch (e) {
			// Refused for another reason than the other actor: it stays chosen, nothing to look up twice.
			const chosen = other ? listingOption(db, user, other) : null;
			const pick = pickState(e) ?? (chosen ? { field: 'otherId', query: chosen.name, candidates: [chosen], message: 'Autre acteur choisi :' } : null);
			return formFailure(e, { scope: 'relier', target: 0, values: values as Record<string, unknown>, pick, chosen: !!chosen });
		}
	},
	terminer: action('terminer', 'relationId', (user, form) =>
		doneMessage(submitRelationUpdate(getDb(), user, idFrom(form.get('relationId')), { endDate: orNull(text(form, 'endDate')) }, Number(form.get('version'))))
	),
	confirmer: action('confirmer', 'relationId', (user, form) => {
		confirmRelation(getDb(), user, idFrom(form.get('relationId')));
		return 'Relation confirmée par les deux parties.';
	}),
	supprimer: action('supprimer', 'relationId', (user, form) => {
		const r = removeRelation(getDb(), user, idFrom(form.get('relationId')), Number(form.get('version')));
		return r.status === 'pending' ? 'Retrait proposé : la relation reste en place jusqu’à la validation par l’équipe.' : 'Relation retirée.';
	}),
	retirer: action('retirer', 'pendingId', (user, form) => {
		withdrawPendingChange(getDb(), user, idFrom(form.get('pendingId')));
		return 'Proposition retirée : l’équipe ne la verra pas.';
	}),
	image: imageAction,
	...disputeActions
} satisfies Actions;
