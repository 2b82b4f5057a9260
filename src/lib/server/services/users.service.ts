import { z } from 'zod';
import type { Db } from '../db';
import type { UserRole, UserRow } from '../db/schema';
import { hashPassword, verifyPassword } from '../auth/password';
import { securityLog } from '../auth/security-log';
import { newToken, sha256 } from '../auth/tokens';
import {
	consumeAccountToken,
	expireUnusedAccountTokens,
	findUsableAccountToken,
	findUserByEmail,
	findUserById,
	insertAccountToken,
	insertUser,
	listUsersWithActivity,
	setDisabledAt,
	setPasswordHash,
	setUserRole
} from '../repos/user.repo';
import { deleteUserSessions } from '../repos/session.repo';
import { ForbiddenError, NotFoundError, ValidationError } from './errors';
import { mayBeShownResetLink, mayChangeAccounts, mayInvite, mayIssueResetLink, mayManageUsers } from '../auth/policy';
import { accountLinkMail, sendMail, type MailResult, type MailSetting } from '../mail/mailer';
import { accountLocales } from '../mail/recipient-locale';
import { localHref } from '$lib/i18n/locale-href';
import { m } from '$lib/paraglide/messages';

export const USER_ROLES = ['admin', 'editor', 'partner'] as const satisfies readonly UserRole[];
export const roleLabels: Record<UserRole, string> = { admin: 'Administrateur', editor: 'Éditeur', partner: 'Partenaire' };

const INVITATION_TTL_MS = 7 * 24 * 3600 * 1000;
const RESET_TTL_MS = 3600 * 1000;
export const PASSWORD_MIN_LENGTH = 12;

/** The one public shape of a signed-in person: never the hash. */
export interface AccountUser {
	id: number;
	email: string;
	displayName: string;
	role: UserRole;
}

export const toAccountUser = (u: UserRow): AccountUser => ({ id: u.id, email: u.email, displayName: u.displayName, role: u.role });

/** Who performs an account operation: a signed-in user, or the command line run by whoever holds the server. */
export type AccountActor = AccountUser | 'cli';

/** Defined with the other typed failures; still exported here for the callers that always found it here. */
export { ForbiddenError };

export const emailSchema = z
	.string({ error: () => m.errors_email_required() })
	.trim()
	.toLowerCase()
	.pipe(z.email({ error: () => m.errors_email_invalid_sentence() }));

export const inviteSchema = z.object({
	email: emailSchema,
	displayName: z
		.string()
		.trim()
		.min(1, { error: () => m.errors_display_name_required() })
		.max(120, { error: () => m.errors_display_name_too_long() }),
	role: z.enum(USER_ROLES, { error: () => m.errors_role_unknown() })
});
export type InviteInput = z.input<typeof inviteSchema>;

/** Long passphrases welcome; the upper bound only keeps absurd inputs out. */
export const passwordSchema = z
	.string({ error: () => m.errors_password_required() })
	.min(PASSWORD_MIN_LENGTH, { error: () => m.errors_password_too_short({ min: PASSWORD_MIN_LENGTH }) })
	.max(1024, { error: () => m.errors_password_too_long() });

function parse<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
	const result = schema.safeParse(input);
	if (!result.success) throw new ValidationError(result.error.issues.map((i) => i.message));
	return result.data;
}

/**
 * Same cast as revision-write.ts: a Drizzle transaction offers every query a repo uses, but not `$client`.
 * IMMEDIATE takes the write lock up front, so two requests cannot both consume one link.
 */
function inTransaction<T>(db: Db, work: (tx: Db) => T): T {
	return db.transaction((tx) => work(tx as unknown as Db), { behavior: 'immediate' });
}

const canInvite = mayInvite;

function issueToken(db: Db, userId: number, purpose: 'invite' | 'reset', now: Date): string {
	const token = newToken();
	const ttl = purpose === 'invite' ? INVITATION_TTL_MS : RESET_TTL_MS;
	expireUnusedAccountTokens(db, userId, purpose, now.toISOString());
	insertAccountToken(db, { tokenSha256: sha256(token), userId, purpose, expiresAt: new Date(now.getTime() + ttl).toISOString() });
	return token;
}

/**
 * Creates the account (no password yet) and returns the one-time link to hand over, valid 7 days.
 * Inviting an address that already has a pending invitation issues a fresh link instead of failing.
 */
export function inviteUser(db: Db, actor: AccountActor, input: InviteInput, now = new Date()): { userId: number; path: string } {
	const data = parse(inviteSchema, input);
	if (!canInvite(actor, data.role)) throw new ForbiddenError(m.errors_invite_admin());
	return inTransaction(db, (tx) => {
		const existing = findUserByEmail(tx, data.email);
		if (existing && (existing.passwordHash !== null || existing.disabledAt !== null)) {
			throw new ValidationError([m.errors_account_exists()]);
		}
		const userId = existing?.id ?? insertUser(tx, data);
		const token = issueToken(tx, userId, 'invite', now);
		securityLog('invitation.created', { userId, role: data.role, by: actor === 'cli' ? 'cli' : actor.id });
		return { userId, path: `/invitation/${token}` };
	});
}

/**
 * The policy's answer before anything is written: a refusal creates no link, leaves the person's earlier one
 * working, and is logged (who asked, for whom).
 */
function assertMayIssueReset(actor: AccountActor, user: UserRow) {
	if (actor === 'cli' || mayIssueResetLink(actor, user)) return;
	securityLog('password.reset_refused', { userId: user.id, role: user.role, by: actor.id, byRole: actor.role });
	throw new ForbiddenError(m.newsroom_users_reset_refused());
}

/** How a reset link reached someone, for the security log (never the link). */
type ResetDelivery = 'mail' | 'mail_failed' | 'shown' | 'cli';

/**
 * A reset link (same page as invitations), valid one hour, handed to the caller: the command line's, and
 * « mot de passe oublié », which e-mails it to the person (`delivery: 'mail'`). Since the caller gets the
 * link, a signed-in actor must also be one who may see it (an admin, for a partner); the page goes through
 * issueAccountLink, which e-mails it instead.
 */
export function requestPasswordReset(
	db: Db,
	actor: AccountActor,
	email: string,
	now = new Date(),
	delivery: ResetDelivery = actor === 'cli' ? 'cli' : 'shown'
): { path: string } {
	const address = parse(emailSchema, email);
	const user = findUserByEmail(db, address);
	if (!user || user.disabledAt) throw new NotFoundError(m.errors_no_active_account_email());
	assertMayIssueReset(actor, user);
	if (!mayBeShownResetLink(actor, user)) throw new ForbiddenError(m.newsroom_users_reset_mail_only());
	const token = inTransaction(db, (tx) => issueToken(tx, user.id, 'reset', now));
	securityLog('password.reset_requested', { userId: user.id, by: actor === 'cli' ? 'cli' : actor.id, delivery });
	return { path: `/invitation/${token}` };
}

/** What the link page shows before the password is typed; null when the link is unknown, used or expired. */
export function describeAccountToken(db: Db, token: string, now = new Date()) {
	const row = findUsableAccountToken(db, sha256(token), now.toISOString());
	const user = row && findUserById(db, row.userId);
	if (!row || !user || user.disabledAt) return null;
	return { purpose: row.purpose, email: user.email, displayName: user.displayName };
}

/**
 * Sets the password from an invitation or reset link. The link works once; every existing session of the
 * account ends, since a reset usually means someone else may know the old password.
 */
export async function acceptInvitation(db: Db, token: string, password: string, now = new Date()): Promise<AccountUser> {
	const valid = parse(passwordSchema, password);
	if (!describeAccountToken(db, token, now)) throw new NotFoundError(m.errors_invalid_link());
	// Hashing takes ~0.3 s off the event loop; the token is consumed afterwards, atomically with the password.
	const hash = await hashPassword(valid);
	const stamp = now.toISOString();
	const user = inTransaction(db, (tx) => {
		const row = findUsableAccountToken(tx, sha256(token), stamp);
		const user = row && findUserById(tx, row.userId);
		if (!row || !user || user.disabledAt || !consumeAccountToken(tx, row.id, stamp)) throw new NotFoundError(m.errors_invalid_link());
		setPasswordHash(tx, user.id, hash, stamp);
		deleteUserSessions(tx, user.id);
		return user;
	});
	securityLog(user.passwordHash === null ? 'invitation.accepted' : 'password.changed', { userId: user.id });
	return toAccountUser(user);
}

/** Changing one's own password requires the current one and ends every session, this one included. */
export async function changePassword(db: Db, userId: number, current: string, next: string, now = new Date()) {
	const valid = parse(passwordSchema, next);
	const user = findUserById(db, userId);
	if (!user?.passwordHash || user.disabledAt || !(await verifyPassword(current, user.passwordHash))) {
		throw new ValidationError([m.errors_current_password_wrong()]);
	}
	const hash = await hashPassword(valid);
	inTransaction(db, (tx) => {
		setPasswordHash(tx, userId, hash, now.toISOString());
		deleteUserSessions(tx, userId);
	});
	securityLog('password.changed', { userId });
}

/** Only admins disable accounts, never their own (the last admin cannot lock everyone out by mistake). */
export function disableUser(db: Db, actor: AccountActor, userId: number, now = new Date()) {
	if (!mayChangeAccounts(actor)) throw new ForbiddenError(m.errors_disable_admin_only());
	if (actor !== 'cli' && actor.id === userId) throw new ForbiddenError(m.errors_disable_self());
	if (!findUserById(db, userId)) throw new NotFoundError(m.errors_account_not_found());
	inTransaction(db, (tx) => {
		setDisabledAt(tx, userId, now.toISOString());
		deleteUserSessions(tx, userId);
	});
	securityLog('user.disabled', { userId, by: actor === 'cli' ? 'cli' : actor.id });
}

/** When a link issued at `now` stops working, for the page that shows it. */
export function linkExpiry(purpose: 'invite' | 'reset', now: Date): Date {
	return new Date(now.getTime() + (purpose === 'invite' ? INVITATION_TTL_MS : RESET_TTL_MS));
}

/** Admins and editors manage accounts; partners only their own. */
export function canManageUsers(actor: AccountActor): boolean {
	return mayManageUsers(actor);
}

/**
 * Whether the accounts page offers this actor a link button for `user` (issueAccountLink checks again): a
 * fresh invitation for a pending account of a role the actor may invite, a reset link for an active account
 * of a lower role than the actor's (the policy's mayIssueResetLink), nothing for a disabled one.
 */
export function mayIssueAccountLink(actor: AccountActor, user: { id: number; role: UserRole; status: UserStatus }): boolean {
	if (!canManageUsers(actor) || user.status === 'disabled') return false;
	return user.status === 'pending' ? canInvite(actor, user.role) : mayIssueResetLink(actor, user);
}

/** The roles this actor may hand out, for the invitation form (the service checks again on submit). */
export function invitableRoles(actor: AccountActor): UserRole[] {
	return USER_ROLES.filter((role) => canInvite(actor, role));
}

export type UserStatus = 'pending' | 'active' | 'disabled';
export const userStatusLabels: Record<UserStatus, string> = {
	pending: 'Invitation en attente',
	active: 'Actif',
	disabled: 'Désactivé'
};

export interface ManagedUser extends AccountUser {
	status: UserStatus;
	createdAt: string;
	lastSeenAt: string | null;
	/** Expiry of the pending invitation link; null once accepted, or when every link expired. */
	inviteExpiresAt: string | null;
}

export function listUsers(db: Db, actor: AccountActor, now = new Date()): ManagedUser[] {
	if (!canManageUsers(actor)) throw new ForbiddenError(m.errors_manage_accounts_only());
	return listUsersWithActivity(db, now.toISOString()).map(({ hasPassword, disabledAt, ...row }) => ({
		...row,
		status: disabledAt ? 'disabled' : hasPassword ? 'active' : 'pending'
	}));
}

/** Where a link issued from the accounts page starts, and how it may be e-mailed. */
export interface LinkDelivery {
	/** The site's public origin (the request's). */
	origin: string;
	/** The server's SMTP setting; null when e-mail is not configured. */
	mail: MailSetting | null;
	now?: Date;
}

export interface IssuedAccountLink {
	purpose: 'invite' | 'reset';
	displayName: string;
	email: string;
	expiresAt: Date;
	/**
	 * 'mail': e-mailed to the person, shown to nobody. 'screen': `url` is for the one who asked to hand over
	 * (an invitation; a partner's reset link for an admin when the mail could not leave). 'none': no link
	 * usable by anyone exists (the mail could not leave and the asker may not see it).
	 */
	delivery: 'mail' | 'screen' | 'none';
	/** Only with 'screen'. */
	url: string | null;
	/** What the mail server said; null when e-mail is not configured (nothing was tried). */
	mail: MailResult | null;
}

/**
 * The link for an account from the accounts page: a fresh invitation (7 days) while it has no password yet,
 * shown to the one who invites as when inviting (and e-mailed too when possible). A reset link (1 hour)
 * otherwise, only for a lower role than the asker's (policy: mayIssueResetLink), and e-mailed to the person:
 * whoever holds it can sign in as them. Only an admin asking for a partner is shown it, when the mail cannot
 * leave; for anyone else no link is made then (or the one made is withdrawn). The person's sessions stay open
 * until the link is used (acceptInvitation ends them). Either way the previous unused link of that kind
 * stops working, and the security log says who asked, for whom and how it went (never the link).
 */
export async function issueAccountLink(db: Db, actor: AccountActor, userId: number, delivery: LinkDelivery): Promise<IssuedAccountLink> {
	const now = delivery.now ?? new Date();
	if (!canManageUsers(actor)) throw new ForbiddenError(m.errors_manage_accounts_only());
	const user = findUserById(db, userId);
	if (!user || user.disabledAt) throw new NotFoundError(m.errors_no_active_account_id());
	const about = { displayName: user.displayName, email: user.email };
	const locale = accountLocales(db, [user.id]).get(user.id) ?? 'fr';
	const urlOf = (path: string) => `${delivery.origin}${localHref(path, locale)}`;
	const send = (url: string, purpose: 'invite' | 'reset') =>
		delivery.mail ? sendMail(delivery.mail, accountLinkMail(user.email, url, purpose, user.displayName, locale)) : Promise.resolve(null);

	if (user.passwordHash === null) {
		const url = urlOf(inviteUser(db, actor, { email: user.email, displayName: user.displayName, role: user.role }, now).path);
		return { purpose: 'invite', ...about, expiresAt: linkExpiry('invite', now), delivery: 'screen', url, mail: await send(url, 'invite') };
	}

	assertMayIssueReset(actor, user);
	const reset = { purpose: 'reset' as const, ...about, expiresAt: linkExpiry('reset', now) };
	const shownIfUnsent = mayBeShownResetLink(actor, user);
	// Nobody could receive it: nothing is made, and the person's earlier link keeps working.
	if (!delivery.mail && !shownIfUnsent) return { ...reset, delivery: 'none', url: null, mail: null };

	const token = inTransaction(db, (tx) => issueToken(tx, user.id, 'reset', now));
	const url = urlOf(`/invitation/${token}`);
	const mail = await send(url, 'reset');
	const by = actor === 'cli' ? 'cli' : actor.id;
	if (mail?.sent) {
		securityLog('password.reset_requested', { userId: user.id, by, delivery: 'mail' });
		return { ...reset, delivery: 'mail', url: null, mail };
	}
	if (shownIfUnsent) {
		securityLog('password.reset_requested', { userId: user.id, by, delivery: 'shown' });
		return { ...reset, delivery: 'screen', url, mail };
	}
	// Refused by the mail server, and the asker may not see it: the link made for nobody is withdrawn.
	expireUnusedAccountTokens(db, user.id, 'reset', now.toISOString());
	securityLog('password.reset_requested', { userId: user.id, by, delivery: 'mail_failed' });
	return { ...reset, delivery: 'none', url: null, mail };
}

const roleSchema = z.enum(USER_ROLES, { error: () => m.errors_role_unknown() });

/**
 * Only admins change roles, never their own, so there is always at least one admin left. The person's
 * sessions end so that they sign in again under the new role rather than meet refusals mid-task.
 */
export function changeRole(db: Db, actor: AccountActor, userId: number, role: UserRole) {
	const next = parse(roleSchema, role);
	if (!mayChangeAccounts(actor)) throw new ForbiddenError(m.errors_role_admin_only());
	if (actor !== 'cli' && actor.id === userId) throw new ForbiddenError(m.errors_role_self());
	const user = findUserById(db, userId);
	if (!user) throw new NotFoundError(m.errors_account_not_found());
	if (user.role === next) return;
	inTransaction(db, (tx) => {
		setUserRole(tx, userId, next);
		deleteUserSessions(tx, userId);
	});
	securityLog('user.role_changed', { userId, from: user.role, to: next, by: actor === 'cli' ? 'cli' : actor.id });
}
