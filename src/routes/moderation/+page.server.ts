import { getDb } from '$lib/server/db/connection';
import { startDuplicatePairs } from '$lib/server/services/dashboard.service';
import { formAction, pageLoad } from '$lib/server/http/page';
import { formFailure, idFrom, requireUser } from '$lib/server/http/form-failure';
import { pickFrom, pickState } from '$lib/server/http/listing-pick';
import { grantManager, managersOverview, revokeManager, setPartnerModerated } from '$lib/server/services/managers.service';
import { approvePendingChange, mergeEntities, moderationQueue, rejectPendingChange, setArchived } from '$lib/server/services/moderation.service';
import { archivedDone, grantDone } from '$lib/server/services/proposal-words';
import { sendFollowUp } from '$lib/server/services/newcomer.service';
import { serverMailSetting } from '$lib/server/mail/mailer';
import type { AccountUser } from '$lib/server/services/users.service';
import { mailReportOutcome, reporterToTell } from '$lib/server/services/review-notices';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load = pageLoad(({ locals, url, setHeaders }) => {
	const user = requireUser(locals.user, url);
	setHeaders({ 'cache-control': 'private, no-store' });
	const db = getDb();
	startDuplicatePairs(db, user);
	// Each call authorises: a partner reaching this page gets the 403 page, not an empty queue.
	return { queue: moderationQueue(db, user), ...managersOverview(db, user) };
}) satisfies PageServerLoad;

/**
 * One action = read the form, call one service, say what happened; failures go through formFailure.
 * `scope` and `target` tell the page which form the answer belongs to, so it is printed next to it;
 * a listing typed without being chosen comes back as candidates (`pick`).
 */
function action(scope: (form: FormData) => string, targetField: string | null, run: (user: AccountUser, form: FormData, url: URL) => string | Promise<string>) {
	const answer = (form: FormData) => ({ scope: scope(form), target: targetField ? Number(form.get(targetField)) || 0 : 0 });
	return formAction(
		async ({ locals, url }: RequestEvent, form) => ({ ...answer(form), done: await run(requireUser(locals.user, url), form, url) }),
		(e, form) => formFailure(e, { ...answer(form), pick: pickState(e), email: String(form.get('email') ?? '') })
	);
}

const text = (form: FormData, name: string) => String(form.get(name) ?? '');

/**
 * A report's author without an account hears the outcome by e-mail (sent in the background: the editor does not
 * wait); the editor's answer then says so in a second sentence.
 */
function tellReporter(pendingId: number, url: URL, said: string): string {
	if (!reporterToTell(getDb(), pendingId)) return said;
	void mailReportOutcome(getDb(), pendingId, url.origin);
	return `${said} ${m.newsroom_mod_reporter_told()}`;
}
const is = (name: string) => () => name;

export const actions = {
	approuver: action(is('approuver'), 'pendingId', async (user, form, url) => {
		const id = idFrom(form.get('pendingId'));
		// A newcomer's listing or claim: their invitation leaves once the approval is written.
		const followUp = approvePendingChange(getDb(), user, id, text(form, 'comment'));
		await sendFollowUp(followUp, url.origin, serverMailSetting());
		return tellReporter(id, url, followUp ? m.newsroom_mod_approved_invite({ to: followUp.to }) : m.newsroom_mod_approved());
	}),
	refuser: action(is('refuser'), 'pendingId', async (user, form, url) => {
		const id = idFrom(form.get('pendingId'));
		const followUp = rejectPendingChange(getDb(), user, id, text(form, 'comment'));
		if (followUp) {
			await sendFollowUp(followUp, url.origin, serverMailSetting());
			return m.newsroom_mod_rejected_by_email();
		}
		return tellReporter(id, url, m.newsroom_mod_rejected());
	}),
	// A contested relation (QueueCard): the contest refused keeps the relation, accepted removes it.
	maintenir: action(is('refuser'), 'pendingId', (user, form) => {
		rejectPendingChange(getDb(), user, idFrom(form.get('pendingId')), text(form, 'comment'));
		return m.newsroom_mod_relation_kept();
	}),
	retirerRelation: action(is('approuver'), 'pendingId', (user, form) => {
		approvePendingChange(getDb(), user, idFrom(form.get('pendingId')), text(form, 'comment'));
		return m.newsroom_mod_relation_removed();
	}),
	fusionner: action(is('fusionner'), null, (user, form) => {
		const r = mergeEntities(getDb(), user, pickFrom(form, 'keepId'), pickFrom(form, 'dropId'));
		return m.newsroom_mod_merged({ dropped: r.droppedName, kept: r.keptName });
	}),
	archiver: action(
		(form) => (form.get('archived') === '1' ? 'archiver' : 'restaurer'),
		null,
		(user, form) => {
			const archived = form.get('archived') === '1';
			const r = setArchived(getDb(), user, pickFrom(form, 'entityId'), archived);
			return archivedDone(r.name, archived);
		}
	),
	gerant: action(is('gerant'), null, (user, form) => {
		const r = grantManager(getDb(), user, pickFrom(form, 'entityId'), text(form, 'email'));
		return grantDone(r);
	}),
	retirerGerant: action(is('retirerGerant'), null, (user, form) => {
		revokeManager(getDb(), user, idFrom(form.get('entityId')), idFrom(form.get('userId')));
		return m.newsroom_mod_manager_removed();
	}),
	publication: action(is('publication'), 'userId', (user, form) => {
		const moderated = form.get('moderated') === '1';
		setPartnerModerated(getDb(), user, idFrom(form.get('userId')), moderated);
		return moderated ? m.newsroom_mod_partner_moderated() : m.newsroom_mod_partner_direct();
	})
} satisfies Actions;
