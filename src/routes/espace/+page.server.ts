import { getDb } from '$lib/server/db/connection';
import { formFailure, idFrom, requireUser } from '$lib/server/http/form-failure';
import { categoriesByKind } from '$lib/domain/vocabulary';
import { confirmRelation, confirmStillAccurate, partnerSpace, proposeEntity, withdrawPendingChange } from '$lib/server/services/contribution.service';
import { isEditor } from '$lib/server/services/managers.service';
import { roleLabels } from '$lib/server/services/users.service';
import type { Actions, PageServerLoad } from './$types';

/** The kinds a partner may propose, with their categories, for the « proposer une fiche » form. */
const PROPOSABLE = (['organisation', 'third_place', 'event'] as const).map((kind) => ({ kind, categories: categoriesByKind[kind] }));

export const load = (({ locals, url, setHeaders }) => {
	const user = requireUser(locals.user, url);
	// A personal page: never stored by a shared cache.
	setHeaders({ 'cache-control': 'private, no-store' });
	return {
		user: { displayName: user.displayName, email: user.email, roleLabel: roleLabels[user.role], isEditor: isEditor(user) },
		space: partnerSpace(getDb(), user),
		proposable: PROPOSABLE
	};
}) satisfies PageServerLoad;

export const actions = {
	/** « Toujours à jour » */
	verifier: async ({ locals, url, request }) => {
		const user = requireUser(locals.user, url);
		const form = await request.formData();
		try {
			confirmStillAccurate(getDb(), user, idFrom(form.get('entityId')));
			return { done: 'Merci : la fiche est marquée à jour aujourd’hui.' };
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
	retirer: async ({ locals, url, request }) => {
		const user = requireUser(locals.user, url);
		const form = await request.formData();
		try {
			withdrawPendingChange(getDb(), user, idFrom(form.get('pendingId')));
			return { done: 'Proposition retirée.' };
		} catch (e) {
			return formFailure(e);
		}
	},
	proposer: async ({ locals, url, request }) => {
		const user = requireUser(locals.user, url);
		const form = await request.formData();
		const [kind, category] = String(form.get('category') ?? '').split(':');
		try {
			const result = proposeEntity(getDb(), user, {
				kind: kind as 'organisation',
				category: category ?? '',
				name: String(form.get('name') ?? ''),
				summary: String(form.get('summary') ?? ''),
				website: String(form.get('website') ?? '')
			});
			return { done: result.status === 'pending' ? 'Fiche proposée : elle attend la validation de l’équipe.' : 'Fiche créée : vous la gérez.' };
		} catch (e) {
			return formFailure(e);
		}
	}
} satisfies Actions;
