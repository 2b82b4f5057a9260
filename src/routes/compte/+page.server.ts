import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db/connection';
import { setSessionCookie } from '$lib/server/auth/session-cookie';
import { createSession } from '$lib/server/services/auth.service';
import { formAction, invalidForm } from '$lib/server/http/page';
import { changePassword, PASSWORD_MIN_LENGTH } from '$lib/server/services/users.service';
import { chooseNotifyMode, NOTIFY_MODES, notifyModeFor } from '$lib/server/services/notifications.service';
import { localHref } from '$lib/i18n/locale-href';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

function signInFirst(url: URL): never {
	redirect(303, localHref(`/connexion?next=${encodeURIComponent(url.pathname)}`));
}

export const load = (({ locals, url, setHeaders }) => {
	const { displayName, email, role } = locals.user ?? signInFirst(url);
	setHeaders({ 'cache-control': 'private, no-store' });
	return {
		account: { displayName, email, role },
		minLength: PASSWORD_MIN_LENGTH,
		notifyMode: notifyModeFor(getDb(), locals.user!),
		notifyModes: NOTIFY_MODES
	};
}) satisfies PageServerLoad;

export const actions = {
	notifications: formAction(
		({ locals, url }, form) => {
			const user = locals.user ?? signInFirst(url);
			const mode = chooseNotifyMode(getDb(), user, form.get('notifyMode'));
			return { notifyDone: m.partner_notify_done({ mode }) };
		},
		(e) => invalidForm(e, (notifyMessage) => ({ notifyMessage }))
	),
	password: formAction(
		async ({ locals, cookies, url }, form) => {
			const user = locals.user ?? signInFirst(url);
			const next = String(form.get('next') ?? '');
			if (next !== String(form.get('confirm') ?? '')) return fail(400, { message: m.partner_new_passwords_differ() });
			const db = getDb();
			await changePassword(db, user.id, String(form.get('current') ?? ''), next);
			// changePassword ends every session, this one included: a fresh one keeps this browser signed in.
			const session = createSession(db, user.id);
			setSessionCookie(cookies, url, session.token, session.expiresAt);
			return { changed: true };
		},
		(e) => invalidForm(e, (message) => ({ message }))
	)
} satisfies Actions;
