import { z } from 'zod';
import { formatIssues } from '$lib/domain/entity.schema';
import type { Db } from '../db';
import { restoreEntity, rollbackEntity, type WriteResult } from './entity-write.service';
import { ForbiddenError, ValidationError } from './errors';
import { mayRestoreRevisions } from '../auth/policy';
import type { AccountUser } from './users.service';
import { m } from '$lib/paraglide/messages';

/** Who may see an actor's full history (hidden actors, private fields) and put an old version back. */
export const canRestoreRevisions = (user: AccountUser | null): user is AccountUser => mayRestoreRevisions(user);

const restoreSchema = z.object({
	revisionId: z.coerce
		.number({ error: () => m.errors_restore_revision_missing() })
		.int()
		.positive({ error: () => m.errors_restore_revision_missing() }),
	expectedVersion: z.coerce
		.number({ error: () => m.errors_restore_expected_missing() })
		.int()
		.positive({ error: () => m.errors_restore_expected_missing() }),
	reason: z
		.string()
		.trim()
		.min(3, { error: () => m.errors_restore_reason_short() })
		.max(500, { error: () => m.errors_restore_reason_long() })
});

/**
 * « Restaurer cette version »: editors and admins only, checked here whatever route calls it. The old
 * content comes back as a new revision (nothing is rewritten), with the version check of every save.
 */
export function restoreEntityRevision(db: Db, user: AccountUser | null, entityId: number, form: Record<string, unknown>): WriteResult {
	if (!canRestoreRevisions(user)) throw new ForbiddenError(m.errors_restore_editors_only());
	const parsed = restoreSchema.safeParse(form);
	if (!parsed.success) throw new ValidationError(formatIssues(parsed.error));
	const { revisionId, expectedVersion, reason } = parsed.data;
	return rollbackEntity(db, entityId, revisionId, { actor: { userId: user.id, label: user.displayName }, reason, expectedVersion });
}

const undeleteSchema = restoreSchema.pick({ expectedVersion: true, reason: true });

/** A deleted (or merged) actor comes back with its relations, as a new revision: nothing was ever lost. */
export function restoreDeletedEntity(db: Db, user: AccountUser | null, entityId: number, form: Record<string, unknown>): WriteResult {
	if (!canRestoreRevisions(user)) throw new ForbiddenError(m.errors_undelete_editors_only());
	const parsed = undeleteSchema.safeParse(form);
	if (!parsed.success) throw new ValidationError(formatIssues(parsed.error));
	return restoreEntity(db, entityId, {
		actor: { userId: user.id, label: user.displayName },
		reason: parsed.data.reason,
		expectedVersion: parsed.data.expectedVersion
	});
}
