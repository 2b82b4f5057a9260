import type { Db } from '../db';
import { SlidingWindowLimiter } from '../auth/rate-limit';
import { securityLog } from '../auth/security-log';
import { localHref } from '$lib/i18n/locale-href';
import { getLocale, type Locale } from '$lib/paraglide/runtime';
import { accountLinkMail, sendMail, type MailResult, type MailSetting } from '../mail/mailer';
import { findUserByEmail } from '../repos/user.repo';
import { ValidationError } from './errors';
import { emailSchema, requestPasswordReset } from './users.service';

/*
 * « Mot de passe oublié ? » from /connexion: the same answer whether the address has an account or not,
 * and the same time to give it (the mail leaves in the background), so the form tells nobody who is
 * registered. An active account gets the ordinary reset link (1 hour, single use, /invitation/<token>).
 */

export function resetLimiters() {
	return { ip: new SlidingWindowLimiter(10, 3600_000), email: new SlidingWindowLimiter(3, 3600_000) };
}
export type ResetLimiters = ReturnType<typeof resetLimiters>;
const serverLimiters = resetLimiters();
export const RESET_THROTTLED = 'Trop de demandes de réinitialisation depuis votre connexion ou pour cette adresse. Réessayez dans une heure.';

export interface ResetContext {
	ip: string;
	origin: string;
	mail: MailSetting | null;
	now?: Date;
	limits?: ResetLimiters;
	/** The language of the request (the page the form was sent from; by default the one being answered): the mail and its link are in it. */
	locale?: Locale;
}

/**
 * Issues and e-mails a reset link when the address is an active account. `delivery` settles when the mail
 * has left (or at once when there is none): the page does not wait for it, tests do.
 */
export function requestOwnPasswordReset(db: Db, rawEmail: string, ctx: ResetContext): { delivery: Promise<MailResult | null> } {
	const parsed = emailSchema.safeParse(rawEmail);
	if (!parsed.success) throw new ValidationError(parsed.error.issues.map((i) => i.message));
	const email = parsed.data;
	const now = ctx.now ?? new Date();
	const limits = ctx.limits ?? serverLimiters;
	if (limits.ip.isBlocked(ctx.ip, now.getTime()) || limits.email.isBlocked(email, now.getTime())) {
		securityLog('newcomer.throttled', { ip: ctx.ip, form: 'reset' });
		throw new ValidationError([RESET_THROTTLED]);
	}
	limits.ip.recordFailure(ctx.ip, now.getTime());
	limits.email.recordFailure(email, now.getTime());
	const user = findUserByEmail(db, email);
	if (!user || user.disabledAt) return { delivery: Promise.resolve(null) };
	// The command line's right to issue a reset link, used on the person's own behalf (they proved nothing yet: the mail does).
	const { path } = requestPasswordReset(db, 'cli', email, now, 'mail');
	securityLog('password.reset_self_requested', { userId: user.id });
	const locale = ctx.locale ?? getLocale();
	return { delivery: sendMail(ctx.mail, accountLinkMail(user.email, `${ctx.origin}${localHref(path, locale)}`, 'reset', user.displayName, locale)) };
}
