import { getDb } from '$lib/server/db/connection';
import { clientKey } from '$lib/server/http/client-address';
import { formAction, invalidForm, pageLoad } from '$lib/server/http/page';
import { serverMailSetting } from '$lib/server/mail/mailer';
import { findEntity } from '$lib/server/services/entity.service';
import { kindLabel } from '$lib/domain/vocabulary';
import { requestClaim, websiteHost } from '$lib/server/services/newcomer.service';
import type { Actions, PageServerLoad } from './$types';

export const load = pageLoad(({ params }) => {
	const entity = findEntity(getDb(), params.slug);
	const host = websiteHost(entity.website);
	return { entity: { name: entity.name, slug: entity.slug, kind: entity.kind, kindLabel: kindLabel(entity.kind) }, websiteHost: host };
}) satisfies PageServerLoad;

const typed = (form: FormData) => ({
	name: String(form.get('name') ?? ''),
	email: String(form.get('email') ?? ''),
	message: String(form.get('message') ?? '')
});

export const actions = {
	default: formAction(
		async ({ params, url, getClientAddress }, form) => {
			const values = typed(form);
			// « site_web » is the honeypot: hidden from people, filled in by form-spamming bots.
			await requestClaim(
				getDb(),
				params.slug,
				{ ...values, honeypot: String(form.get('site_web') ?? '') },
				{
					ip: clientKey({ getClientAddress }),
					origin: url.origin,
					mail: serverMailSetting()
				}
			);
			return { sent: true, email: values.email.trim() };
		},
		(e, form) => invalidForm(e, (message) => ({ values: typed(form), message }))
	)
} satisfies Actions;
