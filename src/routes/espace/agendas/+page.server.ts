import { getDb } from '$lib/server/db/connection';
import { formFailure, idFrom, requireUser } from '$lib/server/http/form-failure';
import { pickFrom, pickState } from '$lib/server/http/listing-pick';
import { formAction } from '$lib/server/http/page';
import { formatDateTime } from '$lib/history/format';
import { feedOwnerChoices, listFeeds, pollFeedNow, registerFeed } from '$lib/server/services/event-feeds.service';
import { m } from '$lib/paraglide/messages';
import { pollMessage } from './poll-message';
import type { Actions, PageServerLoad } from './$types';

export const load = (({ locals, url, setHeaders }) => {
	const user = requireUser(locals.user, url);
	setHeaders({ 'cache-control': 'private, no-store' });
	const db = getDb();
	return {
		feeds: listFeeds(db, user).map((f) => ({ ...f, lastFetchedLabel: f.lastFetchedAt ? formatDateTime(f.lastFetchedAt) : null })),
		choices: feedOwnerChoices(db, user)
	};
}) satisfies PageServerLoad;

const typed = (form: FormData) => ({ url: String(form.get('url') ?? '').slice(0, 2000), moderated: form.get('moderated') === 'on' });

export const actions = {
	/** « Ajouter l'agenda de votre structure » */
	ajouter: formAction(
		({ locals, url }, form) => {
			const user = requireUser(locals.user, url);
			const values = typed(form);
			registerFeed(getDb(), user, { owner: pickFrom(form, 'owner'), url: values.url, moderated: values.moderated });
			return { scope: 'ajouter', target: 0, ok: true, done: m.feeds_added() };
		},
		(e, form) => formFailure(e, { scope: 'ajouter', target: 0, ok: false, values: typed(form), pick: pickState(e) })
	),
	/** « Relever maintenant » */
	relever: formAction(
		async ({ locals, url }, form) => {
			const user = requireUser(locals.user, url);
			const feedId = idFrom(form.get('feedId'));
			const said = pollMessage(await pollFeedNow(getDb(), user, feedId));
			return { scope: 'relever', target: feedId, ok: said.ok, done: said.text };
		},
		(e, form) => formFailure(e, { scope: 'relever', target: Number(form.get('feedId')) || 0, ok: false })
	)
} satisfies Actions;
