import { fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/db/connection';
import { NotFoundError, ValidationError } from '$lib/server/services/errors';
import { confirmByReminderLink, describeReminderLink } from '$lib/server/services/freshness-reminder.service';
import { ForbiddenError } from '$lib/server/services/users.service';
import type { Actions, PageServerLoad } from './$types';

/*
 * The reminder's « toujours à jour » link. Opening it shows the listing and one button: the write happens on
 * the button's POST, never on the GET, so a mail scanner that opens every link cannot spend it.
 */
export const load = (({ params, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store', 'referrer-policy': 'same-origin' });
	return { link: describeReminderLink(getDb(), params.token) };
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ params }) => {
		try {
			return { confirmed: confirmByReminderLink(getDb(), params.token) };
		} catch (e) {
			if (e instanceof ValidationError) return fail(410, { message: e.issues.join(' ') });
			if (e instanceof NotFoundError) return fail(404, { message: e.message });
			if (e instanceof ForbiddenError) return fail(403, { message: 'Vous ne gérez plus cette fiche : ce lien ne peut plus la confirmer.' });
			throw e;
		}
	}
} satisfies Actions;
