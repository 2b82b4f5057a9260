import type { Db } from '../db';
import { hashPassword, needsRehash, verifyPassword } from '../auth/password';
import { securityLog } from '../auth/security-log';
import { newToken, sha256 } from '../auth/tokens';
import { findUserByEmail, setPasswordHash } from '../repos/user.repo';
import { countLoginFailures, deleteLoginFailuresOfPair, insertLoginFailure } from '../repos/login-attempt.repo';
import { deleteSession, deleteSessionByToken, findSessionWithUser, insertSession, touchSession } from '../repos/session.repo';
import { emailSchema, toAccountUser, type AccountUser } from './users.service';
import { m } from '$lib/paraglide/messages';
import { baseLocale } from '$lib/paraglide/runtime';

export const SESSION_TTL_MS = 30 * 24 * 3600 * 1000;
export const SESSION_IDLE_MS = 7 * 24 * 3600 * 1000;
/** last_seen_at is written at most once a minute, so browsing does not turn every page view into a write. */
const TOUCH_EVERY_MS = 60 * 1000;

/** The French wording of the two refusals (login() says them in the request's language). */
export const LOGIN_FAILED = m.errors_login_failed({}, { locale: baseLocale });
export const LOGIN_THROTTLED = m.errors_login_throttled({}, { locale: baseLocale });

/**
 * Login throttling: failures per « e-mail + client address » pair (few allowed) and per client address (more,
 * for shared offices), over a sliding quarter-hour. Stored in SQLite (login_attempts), so a restart forgets
 * nothing. There is deliberately no per-account-only counter: it would let anyone lock the real user out.
 * The address is clientKey()'s: the visitor's own behind a configured proxy, so one address's lock is its own.
 */
export const LOGIN_LIMITS = { perPair: 5, perAddress: 50, windowMs: 15 * 60 * 1000 } as const;

function throttleKeys(email: string, ip: string) {
	return { addressSha256: sha256(ip), pairSha256: sha256(`${email}\u0000${ip}`) };
}

/** Whether this address, or this e-mail from this address, has used up its failures. */
export function loginThrottled(db: Db, email: string, ip: string, at = Date.now()): boolean {
	const failures = countLoginFailures(db, throttleKeys(email, ip), at - LOGIN_LIMITS.windowMs);
	return failures.pair >= LOGIN_LIMITS.perPair || failures.address >= LOGIN_LIMITS.perAddress;
}

/** One failed login, stored; rows older than the window go at the same time. */
export function recordLoginFailure(db: Db, email: string, ip: string, at = Date.now()) {
	insertLoginFailure(db, { ...throttleKeys(email, ip), failedAt: at }, at - LOGIN_LIMITS.windowMs);
}

/** Verifying against this when the address is unknown makes both failures take about as long. */
let dummyHash: Promise<string> | undefined;

export type LoginResult = { ok: true; user: AccountUser; token: string; expiresAt: Date } | { ok: false; message: string };

export async function login(db: Db, input: { email: unknown; password: unknown; ip: string }, options: { now?: Date } = {}): Promise<LoginResult> {
	const { now = new Date() } = options;
	const parsed = emailSchema.safeParse(input.email);
	// Bounded so that a megabyte « address » cannot bloat the throttle's keys or the log.
	const email = (
		parsed.success
			? parsed.data
			: String(input.email ?? '')
					.trim()
					.toLowerCase()
	).slice(0, 254);
	const password = typeof input.password === 'string' ? input.password.slice(0, 1024) : '';
	const at = now.getTime();
	if (loginThrottled(db, email, input.ip, at)) {
		securityLog('login.rate_limited', { email, ip: input.ip });
		return { ok: false, message: m.errors_login_throttled() };
	}
	const user = parsed.success ? findUserByEmail(db, email) : undefined;
	dummyHash ??= hashPassword('not a real password, only spends the same time');
	const valid = await verifyPassword(password, user?.passwordHash ?? (await dummyHash));
	if (!user || !user.passwordHash || user.disabledAt || !valid) {
		recordLoginFailure(db, email, input.ip, at);
		securityLog('login.failure', { email, ip: input.ip, reason: !user ? 'unknown' : user.disabledAt ? 'disabled' : 'password' });
		return { ok: false, message: m.errors_login_failed() };
	}
	deleteLoginFailuresOfPair(db, throttleKeys(email, input.ip).pairSha256);
	if (needsRehash(user.passwordHash)) setPasswordHash(db, user.id, await hashPassword(password), now.toISOString());
	const session = createSession(db, user.id, now);
	securityLog('login.success', { userId: user.id, ip: input.ip });
	return { ok: true, user: toAccountUser(user), ...session };
}

/** A new random token for the cookie; only its SHA-256 reaches the database. */
export function createSession(db: Db, userId: number, now = new Date()): { token: string; expiresAt: Date } {
	const token = newToken();
	const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
	const stamp = now.toISOString();
	insertSession(db, { tokenSha256: sha256(token), userId, createdAt: stamp, lastSeenAt: stamp, expiresAt: expiresAt.toISOString() });
	return { token, expiresAt };
}

/** The signed-in user for a cookie's token, or null (and the dead session removed) when it no longer holds. */
export function validateSession(db: Db, token: string, now = new Date()): { user: AccountUser; expiresAt: Date } | null {
	if (!token) return null;
	const found = findSessionWithUser(db, sha256(token));
	if (!found) return null;
	const { session, user } = found;
	const at = now.getTime();
	const lastSeen = Date.parse(session.lastSeenAt);
	if (user.disabledAt || Date.parse(session.expiresAt) <= at || lastSeen + SESSION_IDLE_MS <= at) {
		deleteSession(db, session.id);
		return null;
	}
	if (at - lastSeen >= TOUCH_EVERY_MS) touchSession(db, session.id, now.toISOString());
	return { user: toAccountUser(user), expiresAt: new Date(session.expiresAt) };
}

export function logout(db: Db, token: string, userId?: number) {
	deleteSessionByToken(db, sha256(token));
	securityLog('logout', { userId });
}
