import { getDb } from '$lib/server/db/connection';
import { clientKey } from '$lib/server/http/client-address';
import { formAction, invalidForm, pageLoad } from '$lib/server/http/page';
import { getPortrait } from '$lib/server/services/entity.service';
import { submitReport } from '$lib/server/services/contribution.service';
import type { Actions, PageServerLoad } from './$types';

export const load = pageLoad(({ params }) => {
	const { entity } = getPortrait(getDb(), params.slug);
	return { entity: { name: entity.name, slug: entity.slug } };
}) satisfies PageServerLoad;

const typed = (form: FormData) => ({
	message: String(form.get('message') ?? ''),
	correction: String(form.get('correction') ?? ''),
	name: String(form.get('name') ?? ''),
	email: String(form.get('email') ?? '')
});

export const actions = {
	default: formAction(
		({ params, getClientAddress }, form) => {
			// « site_web » is the honeypot: hidden from people, filled in by form-spamming bots.
			submitReport(getDb(), params.slug, { ...typed(form), honeypot: String(form.get('site_web') ?? '') }, { ip: clientKey({ getClientAddress }) });
			return { sent: true };
		},
		(e, form) => invalidForm(e, (message) => ({ values: typed(form), message }))
	)
} satisfies Actions;
