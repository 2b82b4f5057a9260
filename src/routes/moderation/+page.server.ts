import { getDb } from '$lib/server/db/connection';
import { formFailure, idFrom, requireUser } from '$lib/server/http/form-failure';
import { grantManager, managersOverview, revokeManager, setPartnerModerated } from '$lib/server/services/managers.service';
import {
	approvePendingChange,
	mergeEntities,
	moderationChoices,
	moderationQueue,
	rejectPendingChange,
	setArchived
} from '$lib/server/services/moderation.service';
import type { AccountUser } from '$lib/server/services/users.service';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load = (({ locals, url, setHeaders }) => {
	const user = requireUser(locals.user, url);
	setHeaders({ 'cache-control': 'private, no-store' });
	const db = getDb();
	try {
		// Each call authorises: a partner reaching this page gets the 403 page, not an empty queue.
		return { queue: moderationQueue(db, user), choices: moderationChoices(db, user), ...managersOverview(db, user) };
	} catch (e) {
		return formFailure(e) as never;
	}
}) satisfies PageServerLoad;

/** One action = read the form, call one service, say what happened; failures go through formFailure. */
function action(run: (user: AccountUser, form: FormData) => string) {
	return async ({ locals, url, request }: RequestEvent) => {
		const user = requireUser(locals.user, url);
		const form = await request.formData();
		try {
			return { done: run(user, form) };
		} catch (e) {
			return formFailure(e, { pendingId: Number(form.get('pendingId')) || null });
		}
	};
}

const text = (form: FormData, name: string) => String(form.get(name) ?? '');

export const actions = {
	approuver: action((user, form) => {
		approvePendingChange(getDb(), user, idFrom(form.get('pendingId')), text(form, 'comment'));
		return 'Proposition acceptée et publiée.';
	}),
	refuser: action((user, form) => {
		rejectPendingChange(getDb(), user, idFrom(form.get('pendingId')), text(form, 'comment'));
		return 'Proposition refusée.';
	}),
	fusionner: action((user, form) => {
		mergeEntities(getDb(), user, idFrom(form.get('keepId')), idFrom(form.get('dropId')));
		return 'Fiches fusionnées : l’ancienne adresse redirige vers la fiche conservée.';
	}),
	archiver: action((user, form) => {
		setArchived(getDb(), user, idFrom(form.get('entityId')), form.get('archived') === '1');
		return form.get('archived') === '1' ? 'Fiche archivée.' : 'Fiche restaurée.';
	}),
	gerant: action((user, form) => {
		grantManager(getDb(), user, idFrom(form.get('entityId')), text(form, 'email'));
		return 'Gestionnaire ajouté.';
	}),
	retirerGerant: action((user, form) => {
		revokeManager(getDb(), user, idFrom(form.get('entityId')), idFrom(form.get('userId')));
		return 'Gestionnaire retiré.';
	}),
	publication: action((user, form) => {
		const moderated = form.get('moderated') === '1';
		setPartnerModerated(getDb(), user, idFrom(form.get('userId')), moderated);
		return moderated ? 'Les modifications de ce partenaire seront relues.' : 'Ce partenaire publie désormais directement.';
	})
} satisfies Actions;
