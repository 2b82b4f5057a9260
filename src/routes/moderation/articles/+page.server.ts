import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db/connection';
import { formFailure, requireUser } from '$lib/server/http/form-failure';
import { formAction, pageLoad } from '$lib/server/http/page';
import { addArticle, articlesForEditor, draftFormValues, importArticles, readArticlePage } from '$lib/server/services/article.service';
import { ValidationError } from '$lib/server/services/errors';
import { localHref } from '$lib/i18n/locale-href';
import { m } from '$lib/paraglide/messages';
import { typedArticle } from './article-form';
import type { Actions, PageServerLoad } from './$types';

/** A feed file uploaded instead of an address: a few megabytes is already thousands of articles. */
const MAX_FEED_BYTES = 5 * 1024 * 1024;

export const load = pageLoad(({ locals, url, setHeaders }) => {
	const user = requireUser(locals.user, url);
	setHeaders({ 'cache-control': 'private, no-store' });
	const page = Number(url.searchParams.get('page')) || 1;
	const toReview = url.searchParams.get('a-relire') === '1';
	return { list: articlesForEditor(getDb(), user, page, toReview), toReview };
}) satisfies PageServerLoad;

export const actions = {
	/** « Lire la page »: fills the form from the page's metadata; nothing is saved yet. */
	lire: formAction(
		async ({ locals, url }, form) => {
			const user = requireUser(locals.user, url);
			const typed = typedArticle(form);
			const read = await readArticlePage(user, typed.url);
			if ('error' in read) return { scope: 'ajouter', ok: false, read: false, values: typed, message: read.error };
			return { scope: 'ajouter', ok: true, read: true, values: draftFormValues(read.draft), done: m.press_page_read() };
		},
		(e, form) => formFailure(e, { scope: 'ajouter', ok: false, read: false, values: typedArticle(form) })
	),
	/** « Enregistrer l'article » */
	ajouter: formAction(
		({ locals, url }, form) => {
			const user = requireUser(locals.user, url);
			const typed = typedArticle(form);
			const { id } = addArticle(getDb(), user, typed, typed.bodyText);
			redirect(303, localHref(`/moderation/articles/${id}?ajoute=1`));
		},
		(e, form) => formFailure(e, { scope: 'ajouter', ok: false, read: false, values: typedArticle(form) })
	),
	/** « Importer un flux »: an address, or a file saved from the site (RSS, Atom, WordPress export). */
	importer: formAction(
		async ({ locals, url }, form) => {
			const user = requireUser(locals.user, url);
			const address = String(form.get('feedUrl') ?? '').trim();
			const file = form.get('feedFile');
			let source: { url: string } | { text: string };
			if (file instanceof File && file.size > 0) {
				if (file.size > MAX_FEED_BYTES) throw new ValidationError([m.press_error_feed_file_large()]);
				source = { text: new TextDecoder().decode(await file.arrayBuffer()) };
			} else if (address) source = { url: address.slice(0, 2000) };
			else throw new ValidationError([m.press_error_feed_missing()]);
			const outcome = await importArticles(getDb(), user, source);
			return {
				scope: 'importer',
				ok: true,
				feedUrl: address,
				outcome,
				done: m.press_imported({ added: outcome.added, already: outcome.alreadyThere, proposed: outcome.proposed })
			};
		},
		(e, form) => formFailure(e, { scope: 'importer', ok: false, feedUrl: String(form.get('feedUrl') ?? '').slice(0, 2000) })
	)
} satisfies Actions;
