import { getDb } from '$lib/server/db/connection';
import { formFailure, idFrom, requireUser } from '$lib/server/http/form-failure';
import { relationTypeTerms, sectorTerms } from '$lib/domain/vocabulary';
import {
	confirmRelation,
	declareRelation,
	listingForEdit,
	removeRelation,
	submitEntityUpdate,
	submitRelationUpdate,
	type EntityPatch,
	type SubmitResult
} from '$lib/server/services/contribution.service';
import type { RelationType } from '$lib/domain/vocabulary';
import type { Actions, PageServerLoad } from './$types';

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
		? 'Modification envoyée : elle sera publiée après relecture par l’équipe.'
		: r.status === 'applied'
			? 'Modification publiée.'
			: 'Aucun changement à enregistrer.';

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
			return { done: doneMessage(submitEntityUpdate(db, user, id, patch, Number(form.get('version')))) };
		} catch (e) {
			return formFailure(e, { values: patch });
		}
	},
	relier: async ({ locals, url, params, request }) => {
		const user = requireUser(locals.user, url);
		const form = await request.formData();
		const id = idFrom(params.id);
		const other = idFrom(form.get('otherId'));
		const outgoing = form.get('direction') !== 'in';
		try {
			const r = declareRelation(getDb(), user, {
				type: text(form, 'type') as RelationType,
				sourceId: outgoing ? id : other,
				targetId: outgoing ? other : id,
				startDate: orNull(text(form, 'startDate')),
				endDate: orNull(text(form, 'endDate')),
				source: orNull(text(form, 'source'))
			});
			return { done: doneMessage(r) };
		} catch (e) {
			return formFailure(e);
		}
	},
	terminer: async ({ locals, url, request }) => {
		const user = requireUser(locals.user, url);
		const form = await request.formData();
		try {
			const r = submitRelationUpdate(getDb(), user, idFrom(form.get('relationId')), { endDate: orNull(text(form, 'endDate')) }, Number(form.get('version')));
			return { done: doneMessage(r) };
		} catch (e) {
			return formFailure(e);
		}
	},
	confirmer: async ({ locals, url, request }) => {
		const user = requireUser(locals.user, url);
		const form = await request.formData();
		try {
			confirmRelation(getDb(), user, idFrom(form.get('relationId')));
			return { done: 'Relation confirmée par les deux parties.' };
		} catch (e) {
			return formFailure(e);
		}
	},
	supprimer: async ({ locals, url, request }) => {
		const user = requireUser(locals.user, url);
		const form = await request.formData();
		try {
			return { done: doneMessage(removeRelation(getDb(), user, idFrom(form.get('relationId')), Number(form.get('version')))) };
		} catch (e) {
			return formFailure(e);
		}
	}
} satisfies Actions;
