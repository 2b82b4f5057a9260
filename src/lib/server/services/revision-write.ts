/**
 * The steps every revisioned write shares, whatever the subject (entity or relation): check the
 * author and reason, check the version the save started from, write the row and its revision in the
 * same transaction. entity-write.service.ts is the public face; this file keeps it short.
 */
import { diffSnapshots } from '$lib/history/diff';
import { SYSTEM_ACTOR, type Actor, type RevisionOperation, type RevisionSubjectKind } from '$lib/history/revision';
import type { Db } from '../db';
import { insertRevision, revisionAtVersion, revisionsAfter, type RevisionValues } from '../repos/revision.repo';
import { ConflictError, ValidationError } from './errors';
import { m } from '$lib/paraglide/messages';

/** Who writes and why; the version is required for edits (a form always knows what it started from). */
export interface EditContext {
	actor: Actor;
	reason: string;
	expectedVersion: number;
	/** 'import' when a file wrote it, so the history tells imported changes from typed ones. */
	operation?: Extract<RevisionOperation, 'update' | 'import'>;
}

/** Deleting or restoring: the version is checked when the caller knows it. */
export type StateContext = Omit<EditContext, 'expectedVersion'> & { expectedVersion?: number };

export interface CreateContext {
	actor?: Actor;
	reason?: string;
	/** 'import' for rows that come from a file, so the history tells them from hand-made ones. */
	operation?: Extract<RevisionOperation, 'create' | 'import'>;
}

export interface WriteResult {
	id: number;
	/** The subject's version after the call. */
	version: number;
	/** Null when nothing changed (a save identical to what is stored writes nothing). */
	revisionId: number | null;
}

const REASON_MAX = 500;

/** Trimmed author and reason; refuses a nameless author or an essay for a reason. */
export function checkedAuthor(actor: Actor = SYSTEM_ACTOR, reason = ''): { actor: Actor; reason: string } {
	const label = actor.label.trim();
	const why = reason.trim();
	const problems: string[] = [];
	if (!label) problems.push(m.errors_author_missing());
	if (why.length > REASON_MAX) problems.push(m.errors_reason_too_long({ max: REASON_MAX }));
	if (problems.length) throw new ValidationError(problems);
	return { actor: { userId: actor.userId, label }, reason: why };
}

export function revisionValues(
	kind: RevisionSubjectKind,
	snapshot: { id: number; version: number },
	operation: RevisionOperation,
	author: { actor: Actor; reason: string }
): RevisionValues {
	return {
		subjectKind: kind,
		subjectId: snapshot.id,
		version: snapshot.version,
		operation,
		snapshot: JSON.stringify(snapshot),
		authorUserId: author.actor.userId,
		authorLabel: author.actor.label,
		reason: author.reason
	};
}

export function recordRevision(
	db: Db,
	kind: RevisionSubjectKind,
	snapshot: { id: number; version: number },
	operation: RevisionOperation,
	author: { actor: Actor; reason: string }
): number {
	return insertRevision(db, revisionValues(kind, snapshot, operation, author));
}

/** Builds the conflict a stale save ran into: who wrote since `expected`, and what they changed. */
export function conflictError(db: Db, kind: RevisionSubjectKind, id: number, expected: number, current: number): ConflictError {
	const since = revisionsAfter(db, kind, id, expected);
	const latest = since.at(-1);
	if (!latest) return new ConflictError(kind, id, expected, current, null);
	const base = revisionAtVersion(db, kind, id, expected);
	return new ConflictError(kind, id, expected, current, {
		revisionId: latest.id,
		version: latest.version,
		operation: latest.operation,
		authorLabel: latest.authorLabel,
		authors: [...new Set(since.map((r) => r.authorLabel))],
		createdAt: latest.createdAt,
		reason: latest.reason,
		changes: diffSnapshots(base?.snapshot ?? null, latest.snapshot)
	});
}

/** Throws the conflict when the save did not start from the stored version; nothing is written. */
export function assertVersion(db: Db, kind: RevisionSubjectKind, row: { id: number; version: number }, expected: number | undefined): void {
	if (expected === undefined || expected === row.version) return;
	if (!Number.isInteger(expected)) throw new ValidationError([m.errors_version_integer()]);
	throw conflictError(db, kind, row.id, expected, row.version);
}

/**
 * Runs a write as one IMMEDIATE transaction: the write lock is taken before the version is read, so no
 * other process can write between the check and the write (a deferred one would fail to upgrade instead).
 * Inside a caller's transaction (the seed) it becomes a savepoint.
 */
export function writeTransaction<T>(db: Db, work: (tx: Db) => T): T {
	return db.transaction((tx) => work(tx as unknown as Db), { behavior: 'immediate' });
}
