import { error, fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db/connection';
import { setSessionCookie } from '$lib/server/auth/session-cookie';
import { createSession } from '$lib/server/services/auth.service';
import { NotFoundError } from '$lib/server/services/errors';
import { formAction, invalidForm } from '$lib/server/http/page';
import { acceptInvitation, describeAccountToken, PASSWORD_MIN_LENGTH } from '$lib/server/services/users.service';
import { rememberLocale } from '$lib/server/mail/recipient-locale';
import { getLocale } from '$lib/paraglide/runtime';
import { localHref } from '$lib/i18n/locale-href';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load = (({ params, setHeaders }) => {
	// The token is in the URL: keep it out of caches and out of the Referer of any outgoing link. Not
	// `no-referrer`: browsers then send `Origin: null` with the form, and SvelteKit's CSRF check refuses it.
	setHeaders({ 'cache-control': 'no-store', 'referrer-policy': 'same-origin' });
	const account = describeAccountToken(getDb(), params.token);
	if (!account) error(404, m.partner_invite_invalid());
	return { account, minLength: PASSWORD_MIN_LENGTH };
}) satisfies PageServerLoad;

export const actions = {
	default: formAction(
		async ({ params, cookies, url }, form) => {
			const password = String(form.get('password') ?? '');
			if (password !== String(form.get('confirm') ?? '')) return fail(400, { message: m.partner_passwords_differ() });
			const db = getDb();
			const user = await acceptInvitation(db, params.token, password);
			const session = createSession(db, user.id);
			setSessionCookie(cookies, url, session.token, session.expiresAt);
			// A first sign-in: the jobs' mails will be written in this page's language.
			rememberLocale(db, user.id, getLocale());
			redirect(303, localHref('/espace'));
		},
		// A spent or unknown link is gone (410): the page says to ask for a new one.
		(e) => (e instanceof NotFoundError ? fail(410, { message: m.partner_invite_invalid() }) : invalidForm(e, (message) => ({ message })))
	)
} satisfies Actions;
