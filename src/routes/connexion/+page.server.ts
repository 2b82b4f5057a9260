import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db/connection';
import { clientKey } from '$lib/server/http/client-address';
import { setSessionCookie } from '$lib/server/auth/session-cookie';
import { safeNext } from '$lib/server/auth/safe-next';
import { login } from '$lib/server/services/auth.service';
import { rememberLocale } from '$lib/server/mail/recipient-locale';
import { getLocale } from '$lib/paraglide/runtime';
import { localHref } from '$lib/i18n/locale-href';
import type { Actions, PageServerLoad } from './$types';

export const load = (({ locals, url }) => {
	if (locals.user) redirect(303, safeNext(url.searchParams.get('next'), localHref('/espace')));
	return {};
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const form = await request.formData();
		const email = String(form.get('email') ?? '');
		const result = await login(getDb(), { email, password: form.get('password'), ip: clientKey({ getClientAddress }) });
		// The typed address comes back so the form keeps it; the password never does.
		if (!result.ok) return fail(400, { email, message: result.message });
		setSessionCookie(cookies, url, result.token, result.expiresAt);
		// The jobs' mails (reminders, notifications) will be written in the language the person signs in with.
		rememberLocale(getDb(), result.user.id, getLocale());
		redirect(303, safeNext(url.searchParams.get('next'), localHref('/espace')));
	}
} satisfies Actions;
