import { accountLinkMail, sendMail, serverMailSetting } from '$lib/server/mail/mailer';
import { error, fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db/connection';
import { ForbiddenError, NotFoundError, ValidationError } from '$lib/server/services/errors';
import { formAction, rethrowAsPageError } from '$lib/server/http/page';
import { pickFrom, pickState } from '$lib/server/http/listing-pick';
import { grantManager, managersOverview, revokeManager } from '$lib/server/services/managers.service';
import { grantDone } from '$lib/server/services/proposal-words';
import {
	canManageUsers,
	changeRole,
	disableUser,
	invitableRoles,
	inviteUser,
	issueAccountLink,
	linkExpiry,
	listUsers,
	mayIssueAccountLink,
	USER_ROLES,
	type AccountUser,
	type IssuedAccountLink,
	type UserStatus
} from '$lib/server/services/users.service';
import type { UserRole } from '$lib/server/db/schema';
import { localHref } from '$lib/i18n/locale-href';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** Roles and statuses in the page's language (the service's roleLabels are the French ones). */
const ROLE_LABELS: Record<UserRole, () => string> = { admin: m.newsroom_role_admin, editor: m.newsroom_role_editor, partner: m.newsroom_role_partner };
const STATUS_LABELS: Record<UserStatus, () => string> = {
	pending: m.newsroom_status_pending,
	active: m.newsroom_status_active,
	disabled: m.newsroom_status_disabled
};

/** Actions do not run the page's load, so each one passes through this gate too. */
function staff({ locals, url }: Pick<RequestEvent, 'locals' | 'url'>): AccountUser {
	if (!locals.user) redirect(303, localHref(`/connexion?next=${encodeURIComponent(url.pathname)}`));
	if (!canManageUsers(locals.user)) error(403, m.newsroom_users_staff_only());
	return locals.user;
}

/**
 * One action = the staff gate, the form, one service. The services' typed refusals become French answers;
 * the form keeps what was typed. `target` is the account the form was about, so the answer is printed next
 * to that account's form.
 */
function action<R>(
	name: string,
	run: (actor: AccountUser, form: FormData, event: RequestEvent) => R,
	keep: { values?: (form: FormData) => { email: string; displayName: string; role: string }; target?: (form: FormData) => number } = {}
) {
	return formAction(
		(event: RequestEvent, form) => run(staff(event), form, event),
		(e, form) => {
			const answer = { action: name, target: keep.target?.(form) ?? 0, values: keep.values?.(form) };
			if (e instanceof ValidationError) return fail(400, { ...answer, message: e.issues.join(' '), pick: pickState(e) });
			// A refusal is said on the page, above the table, rather than on an error page.
			if (e instanceof ForbiddenError) return fail(403, { ...answer, message: e.message, pick: null });
			if (e instanceof NotFoundError) return fail(404, { ...answer, message: e.message, pick: null });
			rethrowAsPageError(e);
		}
	);
}

const field = (form: FormData, name: string) => String(form.get(name) ?? '');
/** A tampered id becomes 0, which no account has: the service then answers « introuvable ». */
const userIdOf = (form: FormData) => (/^\d{1,15}$/.test(field(form, 'userId')) ? Number(field(form, 'userId')) : 0);

/** Also e-mailed when SMTP_URL is configured: `null` when it is not (the page then says nothing about e-mail). */
async function mailLink(to: string, url: string, purpose: 'invite' | 'reset', name: string): Promise<string | null> {
	const setting = serverMailSetting();
	if (!setting) return null;
	const result = await sendMail(setting, accountLinkMail(to, url, purpose, name));
	return result.sent ? m.newsroom_users_mailed({ to }) : m.newsroom_users_mail_failed({ reason: result.reason });
}

/**
 * What the page says about a link from the table. An invitation is shown to hand over (and said e-mailed or
 * not, as when inviting). A reset link is shown only when the service returns it (an admin, for a partner,
 * when the mail could not leave); otherwise one sentence says where it went, or why none was made.
 */
function linkAnswer(issued: IssuedAccountLink) {
	const { purpose, displayName, email: to, mail } = issued;
	if (issued.delivery === 'screen') {
		const mailed =
			purpose === 'invite'
				? mail && (mail.sent ? m.newsroom_users_mailed({ to }) : m.newsroom_users_mail_failed({ reason: mail.reason }))
				: mail && !mail.sent
					? m.newsroom_users_mail_failed({ reason: mail.reason })
					: m.newsroom_users_reset_no_mail_shown();
		return { action: 'link', link: { url: issued.url!, purpose, expiresAt: issued.expiresAt.toISOString(), displayName, mailed } };
	}
	if (issued.delivery === 'mail') return { action: 'link', message: m.newsroom_users_reset_mailed({ name: displayName, to }) };
	return {
		action: 'link',
		message: mail && !mail.sent ? m.newsroom_users_reset_mail_failed({ to, reason: mail.reason }) : m.newsroom_users_reset_no_mail({ name: displayName })
	};
}

export const load = ((event) => {
	const actor = staff(event);
	// Links and e-mail addresses: never kept by a shared cache.
	event.setHeaders({ 'cache-control': 'private, no-store' });
	const option = (role: (typeof USER_ROLES)[number]) => ({ value: role, label: ROLE_LABELS[role]() });
	const db = getDb();
	const { managers, partners } = managersOverview(db, actor);
	const listingsOf = (userId: number) => managers.filter((m) => m.userId === userId).map((m) => ({ id: m.entityId, name: m.entityName, slug: m.entitySlug }));
	return {
		users: listUsers(db, actor).map((u) => ({
			...u,
			roleLabel: ROLE_LABELS[u.role](),
			statusLabel: STATUS_LABELS[u.status](),
			managed: u.role === 'partner' ? listingsOf(u.id).length : null,
			// The policy's answer: the table shows the link button only where the service would issue one.
			mayLink: mayIssueAccountLink(actor, u)
		})),
		partners: partners.map((p) => ({ id: p.id, displayName: p.displayName, email: p.email, listings: listingsOf(p.id) })),
		inviteRoles: invitableRoles(actor).map(option),
		allRoles: USER_ROLES.map(option),
		actor: { id: actor.id, isAdmin: actor.role === 'admin' }
	};
}) satisfies PageServerLoad;

const typedAccount = (form: FormData) => ({ email: field(form, 'email'), displayName: field(form, 'displayName'), role: field(form, 'role') });

export const actions = {
	invite: action(
		'invite',
		async (actor, form, event) => {
			const values = typedAccount(form);
			const now = new Date();
			const { path } = inviteUser(getDb(), actor, { ...values, role: values.role as never }, now);
			const url = `${event.url.origin}${path}`;
			const mailed = await mailLink(values.email.trim().toLowerCase(), url, 'invite', values.displayName.trim());
			return {
				action: 'invite',
				link: { url, purpose: 'invite' as const, expiresAt: linkExpiry('invite', now).toISOString(), displayName: values.displayName.trim(), mailed }
			};
		},
		{ values: typedAccount }
	),
	link: action('link', async (actor, form, event) =>
		linkAnswer(await issueAccountLink(getDb(), actor, userIdOf(form), { origin: event.url.origin, mail: serverMailSetting() }))
	),
	disable: action('disable', (actor, form) => {
		disableUser(getDb(), actor, userIdOf(form));
		return { action: 'disable', message: m.newsroom_users_disabled() };
	}),
	/** « Fiches gérées » : lets a partner account manage one more listing, chosen by typing its name. */
	confier: action(
		'confier',
		(actor, form) => {
			const target = userIdOf(form);
			const r = grantManager(getDb(), actor, pickFrom(form, 'entityId'), { userId: target });
			return { action: 'confier', target, done: grantDone(r) };
		},
		{ target: userIdOf }
	),
	retirerFiche: action(
		'retirerFiche',
		(actor, form) => {
			const target = userIdOf(form);
			const entityId = /^\d{1,15}$/.test(field(form, 'entityId')) ? Number(field(form, 'entityId')) : 0;
			revokeManager(getDb(), actor, entityId, target);
			return { action: 'retirerFiche', target, done: m.newsroom_users_listing_withdrawn() };
		},
		{ target: userIdOf }
	),
	role: action('role', (actor, form) => {
		changeRole(getDb(), actor, userIdOf(form), field(form, 'role') as never);
		return { action: 'role', message: m.newsroom_users_role_changed() };
	})
} satisfies Actions;
