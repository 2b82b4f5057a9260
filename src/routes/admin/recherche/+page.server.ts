import { fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/db/connection';
import { formAction, pageLoad, rethrowAsPageError } from '$lib/server/http/page';
import { requireUser } from '$lib/server/http/form-failure';
import { NotFoundError, ValidationError } from '$lib/server/services/errors';
import { createSynonymGroup, deleteSynonymGroup, listSynonymGroups, MAX_TERMS, updateSynonymGroup } from '$lib/server/services/search-synonyms.service';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load = pageLoad(({ locals, url }) => {
	const user = requireUser(locals.user, url);
	// The service authorises: a partner gets the 403 page.
	const groups = listSynonymGroups(getDb(), user);
	return { synonyms: groups.filter((g) => !g.related), related: groups.filter((g) => g.related), maxTerms: MAX_TERMS };
}) satisfies PageServerLoad;

/** The form as typed, sent back with a refusal so nothing is lost. */
const typed = (form: FormData) => ({ terms: String(form.get('terms') ?? ''), related: form.get('related') === 'on' });
/** A tampered id becomes 0, which no group has: the service then answers « n’existe plus ». */
const groupIdOf = (form: FormData) => (/^\d{1,15}$/.test(String(form.get('id'))) ? Number(form.get('id')) : 0);

/**
 * One action = signed in, the form, one service. `target` is the group the form was about (0: the form that
 * adds one), so the page prints the answer next to that form; refusals keep what was typed.
 */
function action<R>(name: string, run: (event: RequestEvent, form: FormData) => R) {
	return formAction(
		(event: RequestEvent, form) => run(event, form),
		(e, form) => {
			const answer = { action: name, target: name === 'ajouter' ? 0 : groupIdOf(form), values: typed(form) };
			if (e instanceof ValidationError) return fail(400, { ...answer, message: e.issues.join(' '), done: null });
			if (e instanceof NotFoundError) return fail(404, { ...answer, message: e.message, done: null });
			rethrowAsPageError(e);
		}
	);
}

const actor = ({ locals, url }: RequestEvent) => requireUser(locals.user, url);

export const actions = {
	ajouter: action('ajouter', (event, form) => {
		const group = createSynonymGroup(getDb(), actor(event), typed(form));
		return { action: 'ajouter', target: 0, done: m.newsroom_syn_added({ text: group.text }), message: null };
	}),
	enregistrer: action('enregistrer', (event, form) => {
		const group = updateSynonymGroup(getDb(), actor(event), groupIdOf(form), typed(form));
		return { action: 'enregistrer', target: group.id, done: m.newsroom_syn_saved(), message: null };
	}),
	supprimer: action('supprimer', (event, form) => {
		deleteSynonymGroup(getDb(), actor(event), groupIdOf(form));
		return { action: 'supprimer', target: 0, done: m.newsroom_syn_deleted(), message: null };
	})
} satisfies Actions;
