import { error, fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db/connection';
import { setSessionCookie } from '$lib/server/auth/session-cookie';
import { createSession } from '$lib/server/services/auth.service';
import { NotFoundError, ValidationError } from '$lib/server/services/errors';
import { acceptInvitation, describeAccountToken } from '$lib/server/services/users.service';
import type { Actions, PageServerLoad } from './$types';

const INVALID = 'Ce lien est invalide, expiré ou déjà utilisé. Demandez-en un nouveau à l’équipe du Connecteur.';

export const load = (({ params, setHeaders }) => {
	// The token is in the URL: keep it out of caches and out of the Referer of any outgoing link. Not
	// `no-referrer`: browsers then send `Origin: null` with the form, and SvelteKit's CSRF check refuses it.
	setHeaders({ 'cache-control': 'no-store', 'referrer-policy': 'same-origin' });
	const account = describeAccountToken(getDb(), params.token);
	if (!account) error(404, INVALID);
	return { account };
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, params, cookies, url }) => {
		const form = await request.formData();
		const password = String(form.get('password') ?? '');
		if (password !== String(form.get('confirm') ?? '')) return fail(400, { message: 'Les deux mots de passe ne correspondent pas.' });
		try {
			const db = getDb();
			const user = await acceptInvitation(db, params.token, password);
			const session = createSession(db, user.id);
			setSessionCookie(cookies, url, session.token, session.expiresAt);
		} catch (e) {
			if (e instanceof ValidationError) return fail(400, { message: e.issues.join(' ') });
			if (e instanceof NotFoundError) return fail(410, { message: INVALID });
			throw e;
		}
		redirect(303, '/espace');
	}
} satisfies Actions;
