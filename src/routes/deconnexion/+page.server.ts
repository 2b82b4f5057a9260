import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db/connection';
import { clearSessionCookie, sessionCookieName } from '$lib/server/auth/session-cookie';
import { logout } from '$lib/server/services/auth.service';
import type { Actions, PageServerLoad } from './$types';

/** Logging out changes state, so a GET (a prefetch, a link in an e-mail) only sends the visitor home. */
export const load = (() => redirect(303, '/')) satisfies PageServerLoad;

export const actions = {
	default: ({ cookies, url, locals }) => {
		const token = cookies.get(sessionCookieName(url));
		if (token) logout(getDb(), token, locals.user?.id);
		clearSessionCookie(cookies, url);
		redirect(303, '/connexion');
	}
} satisfies Actions;
