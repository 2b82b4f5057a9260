import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { accountTokens, users, type AccountTokenPurpose, type UserRole } from '../db/schema';

export function findUserByEmail(db: Db, email: string) {
	return db.select().from(users).where(eq(users.email, email)).get();
}

export function findUserById(db: Db, id: number) {
	return db.select().from(users).where(eq(users.id, id)).get();
}

export function insertUser(db: Db, values: { email: string; displayName: string; role: UserRole }): number {
	return db.insert(users).values(values).returning({ id: users.id }).get().id;
}

export function setPasswordHash(db: Db, userId: number, passwordHash: string, now: string) {
	db.update(users).set({ passwordHash, passwordChangedAt: now }).where(eq(users.id, userId)).run();
}

export function setDisabledAt(db: Db, userId: number, disabledAt: string | null) {
	db.update(users).set({ disabledAt }).where(eq(users.id, userId)).run();
}

export function insertAccountToken(db: Db, values: { tokenSha256: string; userId: number; purpose: AccountTokenPurpose; expiresAt: string }) {
	db.insert(accountTokens).values(values).run();
}

/** The token row only while it is unused and unexpired; the caller checks the purpose. */
export function findUsableAccountToken(db: Db, tokenSha256: string, now: string) {
	return db
		.select()
		.from(accountTokens)
		.where(and(eq(accountTokens.tokenSha256, tokenSha256), isNull(accountTokens.usedAt), gt(accountTokens.expiresAt, now)))
		.get();
}

/** Marks it used only if still unused: returns false when a concurrent request consumed it first. */
export function consumeAccountToken(db: Db, id: number, now: string): boolean {
	const result = db
		.update(accountTokens)
		.set({ usedAt: now })
		.where(and(eq(accountTokens.id, id), isNull(accountTokens.usedAt)))
		.run();
	return result.changes === 1;
}

/** A new link replaces the older ones of the same purpose, so only the last one sent works. */
export function expireUnusedAccountTokens(db: Db, userId: number, purpose: AccountTokenPurpose, now: string) {
	db.update(accountTokens)
		.set({ usedAt: now })
		.where(and(eq(accountTokens.userId, userId), eq(accountTokens.purpose, purpose), isNull(accountTokens.usedAt)))
		.run();
}

export function setUserRole(db: Db, userId: number, role: UserRole) {
	db.update(users).set({ role }).where(eq(users.id, userId)).run();
}

/**
 * Every account with what the admin page shows beside it: the latest activity of a still-open session
 * (logging out deletes the session, so this is "last seen", not a login history) and the expiry of the
 * pending invitation link, if any.
 */
export function listUsersWithActivity(db: Db, now: string) {
	// Spelled out: Drizzle leaves columns unqualified inside a select's sql, which would read `id` as the subquery's own.
	const lastSeenAt = sql<string | null>`(select max(s.last_seen_at) from sessions s where s.user_id = "users"."id")`;
	const inviteExpiresAt = sql<string | null>`(select max(t.expires_at) from account_tokens t
		where t.user_id = "users"."id" and t.purpose = 'invite' and t.used_at is null and t.expires_at > ${now})`;
	return db
		.select({
			id: users.id,
			email: users.email,
			displayName: users.displayName,
			role: users.role,
			hasPassword: sql<number>`${users.passwordHash} is not null`,
			disabledAt: users.disabledAt,
			createdAt: users.createdAt,
			lastSeenAt,
			inviteExpiresAt
		})
		.from(users)
		.orderBy(sql`${users.displayName} collate nocase`, users.id)
		.all();
}
