import { fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/db/connection';
import { serverMailSetting } from '$lib/server/mail/mailer';
import { ValidationError } from '$lib/server/services/errors';
import { requestOwnPasswordReset } from '$lib/server/services/password-reset.service';
import type { Actions } from './$types';

export const actions = {
	default: async ({ request, url, getClientAddress }) => {
		const form = await request.formData();
		const email = String(form.get('email') ?? '');
		try {
			// Not awaited: waiting for the mail would make an existing account's answer slower than an unknown one's.
			void requestOwnPasswordReset(getDb(), email, { ip: getClientAddress(), origin: url.origin, mail: serverMailSetting() }).delivery;
			return { sent: true, email };
		} catch (e) {
			if (e instanceof ValidationError) return fail(400, { email, message: e.issues.join(' ') });
			throw e;
		}
	}
} satisfies Actions;
