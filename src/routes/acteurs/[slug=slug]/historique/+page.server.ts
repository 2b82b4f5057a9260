import { fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/db/connection';
import { ConflictError, ValidationError } from '$lib/server/services/errors';
import { entityHistory } from '$lib/server/services/history.service';
import { rethrowAsPageError } from '$lib/server/services/page-errors.service';
import { canRestoreRevisions, restoreDeletedEntity, restoreEntityRevision } from '$lib/server/services/revision-restore.service';
import type { Actions, PageServerLoad } from './$types';

export const load = (({ params, locals }) => {
	try {
		// Public view: hidden actors answer 404, private contacts are left out of every diff. Editors see all.
		const editor = canRestoreRevisions(locals.user);
		return { ...entityHistory(getDb(), params.slug, editor ? { includeHidden: true, includePrivate: true } : {}), canRestore: editor };
	} catch (e) {
		rethrowAsPageError(e);
	}
}) satisfies PageServerLoad;

export const actions = {
	restore: async ({ params, request, locals }) => {
		const form = Object.fromEntries(await request.formData());
		try {
			const { entity } = entityHistory(getDb(), params.slug, { includeHidden: canRestoreRevisions(locals.user) });
			restoreEntityRevision(getDb(), locals.user, entity.id, form);
			return { restored: Number(form.revisionId) };
		} catch (e) {
			if (e instanceof ConflictError) return fail(409, { problem: e.message, revisionId: Number(form.revisionId) });
			if (e instanceof ValidationError) return fail(400, { problem: e.issues.join(' '), revisionId: Number(form.revisionId) });
			rethrowAsPageError(e);
		}
	},
	undelete: async ({ params, request, locals }) => {
		const form = Object.fromEntries(await request.formData());
		try {
			const { entity } = entityHistory(getDb(), params.slug, { includeHidden: canRestoreRevisions(locals.user) });
			restoreDeletedEntity(getDb(), locals.user, entity.id, form);
			return { undeleted: true };
		} catch (e) {
			if (e instanceof ConflictError) return fail(409, { undeleteProblem: e.message });
			if (e instanceof ValidationError) return fail(400, { undeleteProblem: e.issues.join(' ') });
			rethrowAsPageError(e);
		}
	}
} satisfies Actions;
