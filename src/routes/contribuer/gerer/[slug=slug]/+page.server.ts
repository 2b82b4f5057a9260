import { fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/db/connection';
import { serverMailSetting } from '$lib/server/mail/mailer';
import { findEntity } from '$lib/server/services/entity.service';
import { kindLabel } from '$lib/domain/vocabulary';
import { NotFoundError, ValidationError } from '$lib/server/services/errors';
import { requestClaim, websiteHost } from '$lib/server/services/newcomer.service';
import { rethrowAsPageError } from '$lib/server/services/page-errors.service';
import type { Actions, PageServerLoad } from './$types';

export const load = (({ params }) => {
	try {
		const entity = findEntity(getDb(), params.slug);
		const host = websiteHost(entity.website);
		return { entity: { name: entity.name, slug: entity.slug, kind: entity.kind, kindLabel: kindLabel(entity.kind) }, websiteHost: host };
	} catch (e) {
		rethrowAsPageError(e);
	}
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ params, request, url, getClientAddress }) => {
		const form = await request.formData();
		const values = { name: String(form.get('name') ?? ''), email: String(form.get('email') ?? ''), message: String(form.get('message') ?? '') };
		try {
			// « site_web » is the honeypot: hidden from people, filled in by form-spamming bots.
			await requestClaim(getDb(), params.slug, { ...values, honeypot: String(form.get('site_web') ?? '') }, {
				ip: getClientAddress(),
				origin: url.origin,
				mail: serverMailSetting()
			});
			return { sent: true, email: values.email.trim() };
		} catch (e) {
			if (e instanceof ValidationError) return fail(400, { values, message: e.issues.join(' ') });
			if (e instanceof NotFoundError) rethrowAsPageError(e);
			throw e;
		}
	}
} satisfies Actions;
