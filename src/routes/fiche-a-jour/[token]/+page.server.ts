import { fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/db/connection';
import { ForbiddenError, NotFoundError, ValidationError } from '$lib/server/services/errors';
import { formAction } from '$lib/server/http/page';
import { confirmByReminderLink, describeReminderLink } from '$lib/server/services/freshness-reminder.service';
import { m } from '$lib/paraglide/messages';
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
	// A spent or expired link is gone (410), not a typing mistake; every refusal stays on this page.
	default: formAction(
		({ params }) => ({ confirmed: confirmByReminderLink(getDb(), params.token) }),
		(e) =>
			e instanceof ValidationError
				? fail(410, { message: e.issues.join(' ') })
				: e instanceof NotFoundError
					? fail(404, { message: e.message })
					: e instanceof ForbiddenError
						? fail(403, { message: m.partner_fresh_not_manager() })
						: fail(409, { message: e.message })
	)
} satisfies Actions;
