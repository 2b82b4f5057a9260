import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db';
import { emailConfirmations, pendingChanges, type EmailConfirmationPurpose, type PendingChangeKind } from '../db/schema';

/* E-mail confirmations of people without an account (a newcomer's listing, a claim), and their proposals. */

export function insertEmailConfirmation(
	db: Db,
	values: {
		tokenSha256: string;
		purpose: EmailConfirmationPurpose;
		email: string;
		payload: Record<string, unknown>;
		entityId: number | null;
		expiresAt: string;
	}
): number {
	return db.insert(emailConfirmations).values(values).returning({ id: emailConfirmations.id }).get().id;
}

export function confirmationByTokenHash(db: Db, tokenSha256: string) {
	return db.select().from(emailConfirmations).where(eq(emailConfirmations.tokenSha256, tokenSha256)).get();
}

/** Marks it used only if still unused: false when a concurrent opening of the link was first. */
export function consumeConfirmation(db: Db, id: number, usedAt: string, pendingChangeId: number): boolean {
	return (
		db
			.update(emailConfirmations)
			.set({ usedAt, pendingChangeId })
			.where(and(eq(emailConfirmations.id, id), isNull(emailConfirmations.usedAt)))
			.run().changes === 1
	);
}

/** A proposal from someone without an account: no author, their e-mail for editors only. */
export function insertContactProposal(
	db: Db,
	values: {
		kind: PendingChangeKind;
		entityId: number | null;
		payload: Record<string, unknown>;
		baseVersion: number | null;
		authorLabel: string;
		contactEmail: string;
	}
): number {
	return db
		.insert(pendingChanges)
		.values({ ...values, authorUserId: null })
		.returning({ id: pendingChanges.id })
		.get().id;
}

/** A link nobody received must not stay usable. */
export function deleteUnusedConfirmation(db: Db, id: number): void {
	db.delete(emailConfirmations)
		.where(and(eq(emailConfirmations.id, id), isNull(emailConfirmations.usedAt)))
		.run();
}
