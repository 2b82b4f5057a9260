import { fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/db/connection';
import { ConflictError } from '$lib/server/services/errors';
import { formAction, invalidForm, pageLoad } from '$lib/server/http/page';
import { entityHistory, type EntityHistory } from '$lib/server/services/history.service';
import { relationRevisionsTouching } from '$lib/server/repos/revision.repo';
import { relationSentence } from '$lib/domain/english';
import { relationType } from '$lib/domain/vocabulary';
import { getLocale } from '$lib/paraglide/runtime';
import { canRestoreRevisions, restoreDeletedEntity, restoreEntityRevision } from '$lib/server/services/revision-restore.service';
import type { Actions, PageServerLoad } from './$types';

/**
 * The relation sentences in English, by revision: the service says them in French (its phrasing module), so an
 * English page re-says each from the relation as that revision stored it, cut around the other actor's name
 * (the page links it).
 */
function englishSentences(history: EntityHistory): Record<number, { before: string; other: string; after: string }> {
	const subject = history.entity;
	const snapshots = new Map(relationRevisionsTouching(getDb(), subject.id).map((r) => [r.id, r.snapshot]));
	const said: Record<number, { before: string; other: string; after: string }> = {};
	for (const entry of history.relationEntries) {
		const s = snapshots.get(entry.revisionId);
		if (!s || !entry.other) continue;
		const type = String(s.type);
		const date = (v: unknown) => (typeof v === 'string' && v ? v : null);
		const direction = s.sourceId === subject.id || relationType(type)?.symmetric ? 'out' : 'in';
		const sentence = relationSentence({ type, startDate: date(s.startDate), endDate: date(s.endDate) }, subject, entry.other, direction);
		const at = sentence.lastIndexOf(entry.other.name);
		if (at < 0) continue;
		said[entry.revisionId] = { before: sentence.slice(0, at), other: entry.other.name, after: sentence.slice(at + entry.other.name.length) };
	}
	return said;
}

export const load = pageLoad(({ params, locals }) => {
	// Public view: hidden actors answer 404, private contacts are left out of every diff. Editors see all.
	const editor = canRestoreRevisions(locals.user);
	const history = entityHistory(getDb(), params.slug, editor ? { includeHidden: true, includePrivate: true } : {});
	return { ...history, english: getLocale() === 'en' ? englishSentences(history) : null, canRestore: editor };
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
