import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDb } from './fresh-db';
import type { Db } from '../../src/lib/server/db/index';
import { accountTokens, sessions, users } from '../../src/lib/server/db/schema';
import {
	createSession,
	LOGIN_FAILED,
	LOGIN_THROTTLED,
	login,
	logout,
	recordLoginFailure,
	SESSION_IDLE_MS,
	SESSION_TTL_MS,
	validateSession
} from '../../src/lib/server/services/auth.service';
import {
	acceptInvitation,
	changePassword,
	describeAccountToken,
	disableUser,
	ForbiddenError,
	inviteUser,
	requestPasswordReset,
	type AccountUser
} from '../../src/lib/server/services/users.service';
import { NotFoundError, ValidationError } from '../../src/lib/server/services/errors';

const PASSWORD = 'volcans et levures 2026';
const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;

let ctx: ReturnType<typeof freshDb>;
let db: Db;
let logLines: string[];

beforeEach(() => {
	ctx = freshDb();
	db = ctx.db;
	logLines = [];
	vi.spyOn(console, 'log').mockImplementation((line: unknown) => void logLines.push(String(line)));
});

afterEach(() => {
	vi.restoreAllMocks();
	ctx.close();
});

const tokenOf = (path: string) => path.replace('/invitation/', '');

async function activeUser(email = 'anne@exemple.fr', role: 'admin' | 'editor' | 'partner' = 'editor'): Promise<AccountUser> {
	const { path } = inviteUser(db, 'cli', { email, displayName: 'Anne Éditrice', role });
	return acceptInvitation(db, tokenOf(path), PASSWORD);
}

const sessionCount = (userId: number) => db.select().from(sessions).where(eq(sessions.userId, userId)).all().length;

describe('invitations', () => {
	it('stores the e-mail lower-cased and no password until the link is used, once', async () => {
		const { userId, path } = inviteUser(db, 'cli', { email: '  Anne@Exemple.FR ', displayName: 'Anne', role: 'admin' });
		expect(path).toMatch(/^\/invitation\/[A-Za-z0-9_-]{43}$/);
		const row = db.select().from(users).where(eq(users.id, userId)).get();
		expect(row).toMatchObject({ email: 'anne@exemple.fr', role: 'admin', passwordHash: null });
		expect(describeAccountToken(db, tokenOf(path))).toMatchObject({ purpose: 'invite', email: 'anne@exemple.fr' });

		await expect(acceptInvitation(db, tokenOf(path), 'trop court')).rejects.toThrow(/au moins 12 caractères/);
		const user = await acceptInvitation(db, tokenOf(path), PASSWORD);
		expect(user.email).toBe('anne@exemple.fr');
		const after = db.select().from(users).where(eq(users.id, userId)).get();
		expect(after?.passwordHash).toMatch(/^scrypt\$17\$8\$1\$/);
		expect(after?.passwordChangedAt).not.toBeNull();

		expect(describeAccountToken(db, tokenOf(path))).toBeNull();
		await expect(acceptInvitation(db, tokenOf(path), 'un autre mot de passe')).rejects.toBeInstanceOf(NotFoundError);
	});

	it('expires after 7 days and a new invitation replaces the old link', async () => {
		const t0 = new Date('2026-01-01T10:00:00Z');
		const first = inviteUser(db, 'cli', { email: 'paul@exemple.fr', displayName: 'Paul', role: 'partner' }, t0);
		expect(describeAccountToken(db, tokenOf(first.path), new Date(t0.getTime() + 7 * DAY - 1000))).not.toBeNull();
		expect(describeAccountToken(db, tokenOf(first.path), new Date(t0.getTime() + 7 * DAY))).toBeNull();
		await expect(acceptInvitation(db, tokenOf(first.path), PASSWORD, new Date(t0.getTime() + 8 * DAY))).rejects.toBeInstanceOf(NotFoundError);

		const second = inviteUser(db, 'cli', { email: 'paul@exemple.fr', displayName: 'Paul', role: 'partner' }, t0);
		expect(second.userId).toBe(first.userId);
		expect(describeAccountToken(db, tokenOf(first.path), t0)).toBeNull();
		expect(describeAccountToken(db, tokenOf(second.path), t0)).not.toBeNull();
	});

	it('lets editors invite editors and partners but not admins, and refuses an existing account', async () => {
		const editor = await activeUser('ed@exemple.fr', 'editor');
		expect(() => inviteUser(db, editor, { email: 'x@exemple.fr', displayName: 'X', role: 'admin' })).toThrow(ForbiddenError);
		expect(inviteUser(db, editor, { email: 'p@exemple.fr', displayName: 'P', role: 'partner' }).path).toMatch(/^\/invitation\//);
		expect(() => inviteUser(db, 'cli', { email: 'ED@exemple.fr', displayName: 'Ed', role: 'partner' })).toThrow(ValidationError);
	});

	it('a reset link works for one hour and ends the existing sessions', async () => {
		const user = await activeUser();
		createSession(db, user.id);
		const t0 = new Date();
		const { path } = requestPasswordReset(db, 'cli', 'ANNE@exemple.fr', t0);
		expect(describeAccountToken(db, tokenOf(path), new Date(t0.getTime() + HOUR))).toBeNull();
		expect(describeAccountToken(db, tokenOf(path), t0)).toMatchObject({ purpose: 'reset' });
		await acceptInvitation(db, tokenOf(path), 'un tout nouveau mot de passe', t0);
		expect(sessionCount(user.id)).toBe(0);
		expect((await login(db, { email: user.email, password: PASSWORD, ip: '10.0.0.1' })).ok).toBe(false);
	});
});

describe('login', () => {
	it('signs in with the right password and answers the same message for an unknown address or a wrong password', async () => {
		const user = await activeUser();
		const ok = await login(db, { email: ' ANNE@exemple.fr', password: PASSWORD, ip: '10.0.0.1' });
		expect(ok.ok).toBe(true);
		if (!ok.ok) return;
		expect(validateSession(db, ok.token)?.user).toEqual(user);

		const wrong = await login(db, { email: user.email, password: 'pas le bon mot de passe', ip: '10.0.0.1' });
		const unknown = await login(db, { email: 'personne@exemple.fr', password: PASSWORD, ip: '10.0.0.1' });
		const garbage = await login(db, { email: 'pas une adresse', password: undefined, ip: '10.0.0.1' });
		expect(wrong).toEqual({ ok: false, message: LOGIN_FAILED });
		expect(unknown).toEqual(wrong);
		expect(garbage).toEqual(wrong);
		expect(LOGIN_FAILED).toBe('Adresse ou mot de passe incorrect.');
	});

	it('a pending invitation or a disabled account cannot sign in, with the same message', async () => {
		inviteUser(db, 'cli', { email: 'pending@exemple.fr', displayName: 'P', role: 'partner' });
		const user = await activeUser();
		disableUser(db, 'cli', user.id);
		for (const email of ['pending@exemple.fr', user.email]) {
			expect(await login(db, { email, password: PASSWORD, ip: '10.0.0.1' })).toEqual({ ok: false, message: LOGIN_FAILED });
		}
	});

	it('throttles an account+IP pair without locking the real user out from another IP', async () => {
		const user = await activeUser();
		for (let i = 0; i < 5; i++) {
			expect(await login(db, { email: user.email, password: `mauvais ${i}`, ip: '203.0.113.9' })).toMatchObject({ message: LOGIN_FAILED });
		}
		// Even the right password is refused from the attacker's address while the window lasts...
		expect(await login(db, { email: user.email, password: PASSWORD, ip: '203.0.113.9' })).toEqual({ ok: false, message: LOGIN_THROTTLED });
		// ...but the real user, elsewhere, signs in.
		expect((await login(db, { email: user.email, password: PASSWORD, ip: '192.0.2.20' })).ok).toBe(true);
		// And the window slides: 15 minutes later the pair may try again.
		const later = new Date(Date.now() + 15 * 60 * 1000 + 1000);
		expect((await login(db, { email: user.email, password: PASSWORD, ip: '203.0.113.9' }, { now: later })).ok).toBe(true);
		expect(logLines.some((l) => l.includes('"event":"login.rate_limited"'))).toBe(true);
	});

	it('throttles an IP that sprays many accounts', async () => {
		const now = Date.now();
		for (let i = 0; i < 50; i++) recordLoginFailure(db, `compte${i}@exemple.fr`, '198.51.100.7', now);
		const user = await activeUser();
		expect(await login(db, { email: user.email, password: PASSWORD, ip: '198.51.100.7' })).toEqual({ ok: false, message: LOGIN_THROTTLED });
	});
});

describe('sessions', () => {
	it('expire after 30 days even when used, and after 7 days without use', async () => {
		const user = await activeUser();
		const t0 = new Date('2026-03-01T08:00:00Z');
		const busy = createSession(db, user.id, t0);
		for (let d = 6; d < 30; d += 6) expect(validateSession(db, busy.token, new Date(t0.getTime() + d * DAY))).not.toBeNull();
		expect(validateSession(db, busy.token, new Date(t0.getTime() + SESSION_TTL_MS))).toBeNull();

		const idle = createSession(db, user.id, t0);
		expect(validateSession(db, idle.token, new Date(t0.getTime() + SESSION_IDLE_MS - 1000))).not.toBeNull();
		// That visit counted as activity: the idle clock restarts from it, not from t0.
		expect(validateSession(db, idle.token, new Date(t0.getTime() + 2 * SESSION_IDLE_MS - 2000))).not.toBeNull();
		expect(validateSession(db, idle.token, new Date(t0.getTime() + 3 * SESSION_IDLE_MS))).toBeNull();
		expect(sessionCount(user.id)).toBe(0);
	});

	it('writes last_seen_at at most once a minute', async () => {
		const user = await activeUser();
		const t0 = new Date('2026-03-01T08:00:00Z');
		const { token } = createSession(db, user.id, t0);
		const lastSeen = () => db.select().from(sessions).where(eq(sessions.userId, user.id)).get()?.lastSeenAt;
		validateSession(db, token, new Date(t0.getTime() + 30_000));
		expect(lastSeen()).toBe(t0.toISOString());
		validateSession(db, token, new Date(t0.getTime() + 61_000));
		expect(lastSeen()).toBe(new Date(t0.getTime() + 61_000).toISOString());
	});

	it('logout, disabling the user and changing the password end sessions', async () => {
		const user = await activeUser();
		const a = createSession(db, user.id);
		const b = createSession(db, user.id);
		logout(db, a.token, user.id);
		expect(validateSession(db, a.token)).toBeNull();
		expect(validateSession(db, b.token)).not.toBeNull();

		await expect(changePassword(db, user.id, 'pas le bon', 'un nouveau mot de passe')).rejects.toBeInstanceOf(ValidationError);
		expect(validateSession(db, b.token)).not.toBeNull();
		await changePassword(db, user.id, PASSWORD, 'un nouveau mot de passe');
		expect(validateSession(db, b.token)).toBeNull();

		const c = createSession(db, user.id);
		const admin = await activeUser('admin@exemple.fr', 'admin');
		expect(() => disableUser(db, user, admin.id)).toThrow(ForbiddenError);
		disableUser(db, admin, user.id);
		expect(validateSession(db, c.token)).toBeNull();
		expect(sessionCount(user.id)).toBe(0);
	});
});

describe('secrets at rest and in logs', () => {
	it('stores only SHA-256 digests of tokens and never the password, and logs none of them', async () => {
		const { path } = inviteUser(db, 'cli', { email: 'anne@exemple.fr', displayName: 'Anne', role: 'editor' });
		const invitation = tokenOf(path);
		await acceptInvitation(db, invitation, PASSWORD);
		const result = await login(db, { email: 'anne@exemple.fr', password: PASSWORD, ip: '10.0.0.1' });
		if (!result.ok) throw new Error('login failed');
		const reset = tokenOf(requestPasswordReset(db, 'cli', 'anne@exemple.fr').path);

		const dump = JSON.stringify([db.select().from(users).all(), db.select().from(sessions).all(), db.select().from(accountTokens).all()]);
		for (const secret of [invitation, result.token, reset, PASSWORD]) {
			expect(dump).not.toContain(secret);
			expect(logLines.join('\n')).not.toContain(secret);
		}
		const digests = [...db.select().from(sessions).all(), ...db.select().from(accountTokens).all()].map((r) => r.tokenSha256);
		expect(digests).toHaveLength(3);
		for (const d of digests) expect(d).toMatch(/^[0-9a-f]{64}$/);
		expect(logLines.every((l) => JSON.parse(l).type === 'security')).toBe(true);
	});
});
