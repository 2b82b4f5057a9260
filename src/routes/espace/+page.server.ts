import { getDb } from '$lib/server/db/connection';
import { formFailure, idFrom, requireUser } from '$lib/server/http/form-failure';
import { formAction } from '$lib/server/http/page';
import { categoriesByKind } from '$lib/domain/vocabulary';
import { freshnessSettings } from '$lib/server/config';
import { confirmRelation, confirmStillAccurate, proposeEntity, withdrawPendingChange } from '$lib/server/services/contribution.service';
import { partnerSpace } from '$lib/server/services/partner-space.service';
import { communeOfForm, placeOf } from '$lib/server/services/listing-place.service';
import { geocoderFromEnv } from '$lib/server/geocode';
import { parisToday } from '$lib/domain/french';
import { phrasing } from '$lib/i18n/phrasing';
import { m } from '$lib/paraglide/messages';
import { isEditor } from '$lib/server/services/managers.service';
import type { AccountUser } from '$lib/server/services/users.service';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** The kinds a partner may propose, with their categories, for the « proposer une fiche » form. */
const PROPOSABLE = (['organisation', 'third_place', 'event'] as const).map((kind) => ({ kind, categories: categoriesByKind[kind] }));

export const load = (({ locals, url, setHeaders }) => {
	const user = requireUser(locals.user, url);
	// A personal page: never stored by a shared cache.
	setHeaders({ 'cache-control': 'private, no-store' });
	return {
		user: { displayName: user.displayName, email: user.email, role: user.role, isEditor: isEditor(user) },
		space: partnerSpace(getDb(), user),
		proposable: PROPOSABLE,
		freshnessMonths: freshnessSettings().months,
		today: parisToday()
	};
}) satisfies PageServerLoad;

/**
 * One action = read the form, call one service, say what happened. `scope` and `target` tell the page
 * which form the answer belongs to, so it is printed next to that form, not at the top of the page.
 */
function action(
	scope: string,
	targetField: string | null,
	run: (user: AccountUser, form: FormData) => string | Promise<string>,
	keep?: (form: FormData) => Record<string, string>
) {
	const targetOf = (form: FormData) => (targetField ? Number(form.get(targetField)) || 0 : 0);
	return formAction(
		async ({ locals, url }: RequestEvent, form) => ({ scope, target: targetOf(form), done: await run(requireUser(locals.user, url), form) }),
		// What was typed comes back with the refusal: nothing to type twice.
		(e, form) => formFailure(e, { scope, target: targetOf(form), values: keep?.(form) ?? {} })
	);
}

const typed =
	(...names: string[]) =>
	(form: FormData) =>
		Object.fromEntries(names.map((n) => [n, String(form.get(n) ?? '')]));

export const actions = {
	/** « Toujours à jour » */
	verifier: action('verifier', 'entityId', (user, form) => {
		const r = confirmStillAccurate(getDb(), user, idFrom(form.get('entityId')));
		return m.partner_still_accurate_done({ name: r.name, day: phrasing().formatDay(r.verifiedOn) });
	}),
	confirmer: action('confirmer', 'relationId', (user, form) => {
		confirmRelation(getDb(), user, idFrom(form.get('relationId')));
		return m.partner_relation_confirmed();
	}),
	retirer: action('retirer', 'pendingId', (user, form) => {
		withdrawPendingChange(getDb(), user, idFrom(form.get('pendingId')));
		return m.partner_proposal_withdrawn();
	}),
	proposer: action(
		'proposer',
		null,
		async (user, form) => {
			const [kind, category] = String(form.get('category') ?? '').split(':');
			const db = getDb();
			const commune = communeOfForm(db, String(form.get('communeCode') ?? ''), String(form.get('commune') ?? ''), false);
			const address = String(form.get('address') ?? '').trim() || null;
			const place = commune ? await placeOf(db, geocoderFromEnv(), commune.code, address) : null;
			const result = proposeEntity(
				db,
				user,
				{
					kind: kind as 'organisation',
					category: category ?? '',
					name: String(form.get('name') ?? ''),
					summary: String(form.get('summary') ?? ''),
					website: String(form.get('website') ?? ''),
					communeCode: commune?.code ?? null,
					address
				},
				place
			);
			return result.status === 'pending' ? m.partner_listing_proposed() : m.partner_listing_created();
		},
		typed('name', 'category', 'summary', 'website', 'commune', 'communeCode', 'address')
	)
} satisfies Actions;
