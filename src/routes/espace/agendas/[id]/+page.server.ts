import { getDb } from '$lib/server/db/connection';
import { formFailure, idFrom, requireUser } from '$lib/server/http/form-failure';
import { formAction, pageLoad } from '$lib/server/http/page';
import { formatDateTime } from '$lib/history/format';
import { feedPage, pollFeedNow } from '$lib/server/services/event-feeds.service';
import { pollMessage } from '../poll-message';
import type { Actions, PageServerLoad } from './$types';

export const load = pageLoad(({ locals, url, params, setHeaders }) => {
	const user = requireUser(locals.user, url);
	setHeaders({ 'cache-control': 'private, no-store' });
	const feed = feedPage(getDb(), user, idFrom(params.id));
	return {
		feed: {
			...feed,
			lastFetchedLabel: feed.lastFetchedAt ? formatDateTime(feed.lastFetchedAt) : null,
			events: feed.events.map((e) => ({ ...e, dateLabel: e.startsAt ? formatDateTime(e.startsAt) : '' }))
		}
	};
}) satisfies PageServerLoad;

export const actions = {
	relever: formAction(
		async ({ locals, url, params }) => {
			const user = requireUser(locals.user, url);
			const said = pollMessage(await pollFeedNow(getDb(), user, idFrom(params.id)));
			return { ok: said.ok, done: said.text };
		},
		(e) => formFailure(e, { ok: false })
	)
} satisfies Actions;
