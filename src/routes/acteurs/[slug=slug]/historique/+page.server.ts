import { fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/db/connection';
import { ConflictError } from '$lib/server/services/errors';
import { formAction, invalidForm, pageLoad } from '$lib/server/http/page';
import { entityHistory } from '$lib/server/services/history.service';
import { canRestoreRevisions, restoreDeletedEntity, restoreEntityRevision } from '$lib/server/services/revision-restore.service';
import type { Actions, PageServerLoad } from './$types';

export const load = pageLoad(({ params, locals }) => {
	// Public view: hidden actors answer 404, private contacts are left out of every diff. Editors see all.
	const editor = canRestoreRevisions(locals.user);
	return { ...entityHistory(getDb(), params.slug, editor ? { includeHidden: true, includePrivate: true } : {}), canRestore: editor };
}) satisfies PageServerLoad;

const revisionIdOf = (form: FormData) => Number(form.get('revisionId'));

export const actions = {
	restore: formAction(
		({ params, locals }, form) => {
			const { entity } = entityHistory(getDb(), params.slug, { includeHidden: canRestoreRevisions(locals.user) });
			restoreEntityRevision(getDb(), locals.user, entity.id, Object.fromEntries(form));
			return { restored: revisionIdOf(form) };
		},
		(e, form) =>
			e instanceof ConflictError
				? fail(409, { problem: e.message, revisionId: revisionIdOf(form) })
				: invalidForm(e, (problem) => ({ problem, revisionId: revisionIdOf(form) }))
	),
	undelete: formAction(
		({ params, locals }, form) => {
			const { entity } = entityHistory(getDb(), params.slug, { includeHidden: canRestoreRevisions(locals.user) });
			restoreDeletedEntity(getDb(), locals.user, entity.id, Object.fromEntries(form));
			return { undeleted: true };
		},
		(e) => (e instanceof ConflictError ? fail(409, { undeleteProblem: e.message }) : invalidForm(e, (undeleteProblem) => ({ undeleteProblem })))
	)
} satisfies Actions;
