import { getDb } from '$lib/server/db/connection';
import { formFailure, idFrom, requireUser } from '$lib/server/http/form-failure';
import { commentDispute, contestRelation } from '$lib/server/services/relation-dispute.service';
import type { RequestEvent } from './$types';

/** `?/contester` and `?/commenter` on a relation card of RelationsSection.svelte; answers go under that card. */
function disputeAction(scope: 'contester' | 'commenter', done: string, run: typeof contestRelation | typeof commentDispute) {
	return async ({ locals, url, request }: RequestEvent) => {
		const user = requireUser(locals.user, url);
		const form = await request.formData();
		const target = Number(form.get('relationId')) || 0;
		const comment = String(form.get('comment') ?? '');
		try {
			run(getDb(), user, idFrom(form.get('relationId')), comment);
			return { scope, target, done };
		} catch (e) {
			return formFailure(e, { scope, target, values: { comment } as Record<string, unknown> });
		}
	};
}

export const disputeActions = {
	contester: disputeAction('contester', 'Relation contestée : l’autre partie est prévenue et l’équipe du Connecteur tranchera après avoir lu vos deux commentaires.', contestRelation),
	commenter: disputeAction('commenter', 'Commentaire ajouté : l’équipe du Connecteur le lira avec la contestation.', commentDispute)
};
