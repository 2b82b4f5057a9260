import type { FieldChange } from '$lib/history/diff';
import { frenchList } from '$lib/domain/french';
import { formatDateTime } from '$lib/history/format';
import { operationLabels, type RevisionOperation, type RevisionSubjectKind } from '$lib/history/revision';

/** Typed failures that routes turn into French 400/404/409 answers. */
export class ValidationError extends Error {
	constructor(public readonly issues: string[]) {
		super(`Données invalides : ${issues.join(' ; ')}`);
		this.name = 'ValidationError';
	}
}

export class NotFoundError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'NotFoundError';
	}
}

/** The other write a stale save ran into: who, when, and what they changed since the version it started from. */
export interface ConflictingChange {
	revisionId: number;
	version: number;
	operation: RevisionOperation;
	authorLabel: string;
	/** Every author since the expected version, oldest first (usually one). */
	authors: string[];
	createdAt: string;
	reason: string;
	/** From the version the save started from to the current one. */
	changes: FieldChange[];
}

/**
 * A save that started from an older version than the current one (someone else saved in between).
 * Nothing was written; the message names who changed what and when, so the editor can redo their change.
 */
export class ConflictError extends Error {
	constructor(
		public readonly subjectKind: RevisionSubjectKind,
		public readonly subjectId: number,
		public readonly expectedVersion: number,
		public readonly currentVersion: number,
		public readonly other: ConflictingChange | null
	) {
		super(conflictMessage(subjectKind, expectedVersion, currentVersion, other));
		this.name = 'ConflictError';
	}
}

function conflictMessage(kind: RevisionSubjectKind, expected: number, current: number, other: ConflictingChange | null): string {
	const noun = kind === 'entity' ? 'fiche' : 'relation';
	const fields = other?.changes.map((c) => c.label.toLowerCase()) ?? [];
	const who = other ? ` par ${frenchList(other.authors)} le ${formatDateTime(other.createdAt)}` : '';
	const what = fields.length ? ` (${fields.join(', ')})` : other ? ` (${operationLabels[other.operation].toLowerCase()})` : '';
	return (
		`Cette ${noun} a été modifiée${who}${what} pendant que vous la modifiiez : votre saisie partait de la version ${expected}, ` +
		`la ${noun} en est à la version ${current}. Rien n'a été enregistré : rechargez la ${noun} pour voir ces changements, puis refaites les vôtres.`
	);
}

