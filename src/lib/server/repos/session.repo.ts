import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { sessions, users } from '../db/schema';

export function insertSession(db: Db, values: { tokenSha256: string; userId: number; createdAt: string; lastSeenAt: string; expiresAt: string }) {
	db.insert(sessions).values(values).run();
}

/** The session with its user, in one query, since every request that carries a cookie asks for both. */
export function findSessionWithUser(db: Db, tokenSha256: string) {
	return db
		.select({ session: sessions, user: users })
		.from(sessions)
		.innerJoin(users, eq(users.id, sessions.userId))
		.where(eq(sessions.tokenSha256, tokenSha256))
		.get();
}

export function touchSession(db: Db, id: number, lastSeenAt: string) {
	db.update(sessions).set({ lastSeenAt }).where(eq(sessions.id, id)).run();
}

export function deleteSession(db: Db, id: number) {
	db.delete(sessions).where(eq(sessions.id, id)).run();
}

export function deleteSessionByToken(db: Db, tokenSha256: string) {
	db.delete(sessions).where(eq(sessions.tokenSha256, tokenSha256)).run();
}

export function deleteUserSessions(db: Db, userId: number) {
	db.delete(sessions).where(eq(sessions.userId, userId)).run();
}
