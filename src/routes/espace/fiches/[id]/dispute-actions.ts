import { getDb } from '$lib/server/db/connection';
import { formFailure, idFrom, requireUser } from '$lib/server/http/form-failure';
import { formAction } from '$lib/server/http/page';
import { commentDispute, contestRelation } from '$lib/server/services/relation-dispute.service';
import { m } from '$lib/paraglide/messages';
import type { RequestEvent } from './$types';

/** `?/contester` and `?/commenter` on a relation card of RelationsSection.svelte; answers go under that card. */
function disputeAction(scope: 'contester' | 'commenter', done: () => string, run: typeof contestRelation | typeof commentDispute) {
	const answer = (form: FormData) => ({ scope, target: Number(form.get('relationId')) || 0 });
	return formAction(
		({ locals, url }: RequestEvent, form) => {
			run(getDb(), requireUser(locals.user, url), idFrom(form.get('relationId')), String(form.get('comment') ?? ''));
			return { ...answer(form), done: done() };
		},
		(e, form) => formFailure(e, { ...answer(form), values: { comment: String(form.get('comment') ?? '') } as Record<string, unknown> })
	);
}

export const disputeActions = {
	contester: disputeAction('contester', () => m.partner_contested(), contestRelation),
	commenter: disputeAction('commenter', () => m.partner_comment_added(), commentDispute)
};
