import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db/connection';
import { formFailure, idFrom, requireUser } from '$lib/server/http/form-failure';
import { pickFrom, pickState } from '$lib/server/http/listing-pick';
import { formAction, pageLoad } from '$lib/server/http/page';
import { addMention, articleForEditor, decideMention, deleteArticle, linkRelation, proposeAgain, updateArticle } from '$lib/server/services/article.service';
import { localHref } from '$lib/i18n/locale-href';
import { m } from '$lib/paraglide/messages';
import { typedArticle } from '../article-form';
import type { Actions, PageServerLoad } from './$types';

export const load = pageLoad(({ locals, url, params, setHeaders }) => {
	const user = requireUser(locals.user, url);
	setHeaders({ 'cache-control': 'private, no-store' });
	return { ...articleForEditor(getDb(), user, idFrom(params.id)), justAdded: url.searchParams.get('ajoute') === '1' };
}) satisfies PageServerLoad;

const decision = (status: 'confirmed' | 'rejected' | 'proposed') =>
	formAction(
		({ locals, url }, form) => {
			const user = requireUser(locals.user, url);
			const mentionId = idFrom(form.get('mentionId'));
			decideMention(getDb(), user, mentionId, status);
			return { scope: 'mention', target: mentionId, ok: true, done: '' };
		},
		(e, form) => formFailure(e, { scope: 'mention', target: Number(form.get('mentionId')) || 0, ok: false })
	);

export const actions = {
	modifier: formAction(
		({ locals, url, params }, form) => {
			const user = requireUser(locals.user, url);
			updateArticle(getDb(), user, idFrom(params.id), typedArticle(form));
			return { scope: 'modifier', ok: true, done: m.press_saved() };
		},
		(e, form) => formFailure(e, { scope: 'modifier', ok: false, values: typedArticle(form) })
	),
	confirmer: decision('confirmed'),
	rejeter: decision('rejected'),
	reconsiderer: decision('proposed'),
	/** « Ajouter un acteur cité »: one the detection missed. */
	acteur: formAction(
		({ locals, url, params }, form) => {
			const user = requireUser(locals.user, url);
			addMention(getDb(), user, idFrom(params.id), pickFrom(form, 'entityId'));
			return { scope: 'acteur', ok: true, done: m.press_actor_added() };
		},
		(e) => formFailure(e, { scope: 'acteur', ok: false, pick: pickState(e) })
	),
	/** « Relire les noms »: looks for the directory's names again. */
	relire: formAction(({ locals, url, params }) => {
		const user = requireUser(locals.user, url);
		const added = proposeAgain(getDb(), user, idFrom(params.id));
		return { scope: 'relire', ok: true, done: m.press_proposed_again({ count: added }) };
	}),
	relation: formAction(
		({ locals, url, params }, form) => {
			const user = requireUser(locals.user, url);
			const relationId = idFrom(String(form.get('relationId') ?? '').replace(/^n°\s*/i, ''));
			linkRelation(getDb(), user, idFrom(params.id), relationId, form.get('linked') !== '0');
			return { scope: 'relation', ok: true, done: m.press_relation_saved() };
		},
		(e) => formFailure(e, { scope: 'relation', ok: false })
	),
	supprimer: formAction(({ locals, url, params }) => {
		const user = requireUser(locals.user, url);
		deleteArticle(getDb(), user, idFrom(params.id));
		redirect(303, localHref('/moderation/articles'));
	})
} satisfies Actions;
