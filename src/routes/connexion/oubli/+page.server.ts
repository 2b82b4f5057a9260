import { getDb } from '$lib/server/db/connection';
import { clientKey } from '$lib/server/http/client-address';
import { formAction, invalidForm } from '$lib/server/http/page';
import { serverMailSetting } from '$lib/server/mail/mailer';
import { requestOwnPasswordReset } from '$lib/server/services/password-reset.service';
import type { Actions } from './$types';

export const actions = {
	default: formAction(
		({ url, getClientAddress }, form) => {
			const email = String(form.get('email') ?? '');
			// Not awaited: waiting for the mail would make an existing account's answer slower than an unknown one's.
			void requestOwnPasswordReset(getDb(), email, { ip: clientKey({ getClientAddress }), origin: url.origin, mail: serverMailSetting() }).delivery;
			return { sent: true, email };
		},
		(e, form) => invalidForm(e, (message) => ({ email: String(form.get('email') ?? ''), message }))
	)
} satisfies Actions;
