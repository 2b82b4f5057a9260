import { and, count, eq, gt, lte } from 'drizzle-orm';
import type { Db } from '../db';
import { loginAttempts } from '../db/schema';

/** Failures since `since` (exclusive, in ms) for one address digest and one « e-mail + address » digest. */
export function countLoginFailures(db: Db, keys: { addressSha256: string; pairSha256: string }, since: number): { address: number; pair: number } {
	const address = db
		.select({ n: count() })
		.from(loginAttempts)
		.where(and(eq(loginAttempts.addressSha256, keys.addressSha256), gt(loginAttempts.failedAt, since)))
		.get();
	const pair = db
		.select({ n: count() })
		.from(loginAttempts)
		.where(and(eq(loginAttempts.pairSha256, keys.pairSha256), gt(loginAttempts.failedAt, since)))
		.get();
	return { address: address?.n ?? 0, pair: pair?.n ?? 0 };
}

/** Records one failure and deletes the rows that left the window (at or before `pruneUpTo`), in one transaction. */
export function insertLoginFailure(db: Db, row: { addressSha256: string; pairSha256: string; failedAt: number }, pruneUpTo: number) {
	db.transaction((tx) => {
		tx.delete(loginAttempts).where(lte(loginAttempts.failedAt, pruneUpTo)).run();
		tx.insert(loginAttempts).values(row).run();
	});
}

/** A successful login forgets the failures of its « e-mail + address » pair (not those of the address). */
export function deleteLoginFailuresOfPair(db: Db, pairSha256: string) {
	db.delete(loginAttempts).where(eq(loginAttempts.pairSha256, pairSha256)).run();
}
