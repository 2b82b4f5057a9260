import { getDb } from '$lib/server/db/connection';
import { idFrom, requireUser } from '$lib/server/http/form-failure';
import { formAction } from '$lib/server/http/page';
import { myNotifications, readAllNotifications, readNotification } from '$lib/server/services/notifications.service';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

const pageFrom = (url: URL) => Math.max(1, Math.min(10_000, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1));

export const load = (({ locals, url, setHeaders }) => {
	const user = requireUser(locals.user, url);
	setHeaders({ 'cache-control': 'private, no-store' });
	return { notifications: myNotifications(getDb(), user, pageFrom(url)) };
}) satisfies PageServerLoad;

export const actions = {
	lire: formAction(({ locals, url }, form) => {
		readNotification(getDb(), requireUser(locals.user, url), idFrom(form.get('id')));
		return { done: m.newsroom_notifications_marked() };
	}),
	toutLire: async ({ locals, url }) => {
		const user = requireUser(locals.user, url);
		const n = readAllNotifications(getDb(), user);
		return {
			done: n ? m.newsroom_notifications_marked_all({ count: n }) : m.newsroom_notifications_nothing_to_mark()
		};
	}
} satisfies Actions;
