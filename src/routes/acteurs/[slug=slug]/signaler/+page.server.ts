import { fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/db/connection';
import { getPortrait } from '$lib/server/services/entity.service';
import { rethrowAsPageError } from '$lib/server/services/page-errors.service';
import { submitReport } from '$lib/server/services/contribution.service';
import { NotFoundError, ValidationError } from '$lib/server/services/errors';
import type { Actions, PageServerLoad } from './$types';

export const load = (({ params }) => {
	try {
		const { entity } = getPortrait(getDb(), params.slug);
		return { entity: { name: entity.name, slug: entity.slug } };
	} catch (e) {
		rethrowAsPageError(e);
	}
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ params, request, getClientAddress }) => {
		const form = await request.formData();
		const values = {
			message: String(form.get('message') ?? ''),
			correction: String(form.get('correction') ?? ''),
			name: String(form.get('name') ?? ''),
			email: String(form.get('email') ?? '')
		};
		try {
			// « site_web » is the honeypot: hidden from people, filled in by form-spamming bots.
			submitReport(getDb(), params.slug, { ...values, honeypot: String(form.get('site_web') ?? '') }, { ip: getClientAddress() });
			return { sent: true };
		} catch (e) {
			if (e instanceof ValidationError) return fail(400, { values, message: e.issues.join(' ') });
			if (e instanceof NotFoundError) rethrowAsPageError(e);
			throw e;
		}
	}
} satisfies Actions;
