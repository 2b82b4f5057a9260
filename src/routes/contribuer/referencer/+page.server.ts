import { fail } from '@sveltejs/kit';
import { categoriesByKind, offerTerms, stageTerms } from '$lib/domain/vocabulary';
import { getDb } from '$lib/server/db/connection';
import { clientKey } from '$lib/server/http/client-address';
import { serverMailSetting } from '$lib/server/mail/mailer';
import { formAction, invalidForm } from '$lib/server/http/page';
import { communeOfForm } from '$lib/server/services/listing-place.service';
import { NEWCOMER_KINDS, requestListing } from '$lib/server/services/newcomer.service';
import type { Actions, PageServerLoad } from './$types';

export const load = (() => ({
	kinds: NEWCOMER_KINDS.map((kind) => ({ kind, categories: categoriesByKind[kind] })),
	stages: stageTerms,
	offers: offerTerms
})) satisfies PageServerLoad;

const TEXT_FIELDS = ['kind', 'category', 'name', 'commune', 'communeCode', 'website', 'siret', 'summary', 'submitterName', 'email'] as const;

const typed = (form: FormData) => ({
	...(Object.fromEntries(TEXT_FIELDS.map((f) => [f, String(form.get(f) ?? '')])) as Record<(typeof TEXT_FIELDS)[number], string>),
	stages: form.getAll('stages').map(String),
	offers: form.getAll('offers').map(String)
});

export const actions = {
	default: formAction(
		async ({ url, getClientAddress }, form) => {
			const values = typed(form);
			const db = getDb();
			const commune = communeOfForm(db, values.communeCode, values.commune, true);
			const outcome = await requestListing(
				db,
				{
					...values,
					kind: values.kind as 'organisation',
					stages: values.stages as never[],
					offers: values.offers as never[],
					communeCode: commune?.code ?? '',
					// « site_web » is the honeypot: hidden from people, filled in by form-spamming bots.
					honeypot: String(form.get('site_web') ?? ''),
					notDuplicateOf: String(form.get('notDuplicateOf') ?? '')
				},
				{ ip: clientKey({ getClientAddress }), origin: url.origin, mail: serverMailSetting() }
			);
			if (outcome.status === 'duplicate') {
				return fail(409, { values: { ...values, commune: commune?.name ?? values.commune, communeCode: commune?.code ?? '' }, duplicate: outcome.duplicate });
			}
			return { sent: true, email: values.email.trim() };
		},
		(e, form) => invalidForm(e, (message) => ({ values: typed(form), message }))
	)
} satisfies Actions;
