import type { FieldChange } from '$lib/history/diff';
import { frenchList } from '$lib/domain/french';
import { formatDateTime } from '$lib/history/format';
import { operationLabels, type RevisionOperation, type RevisionSubjectKind } from '$lib/history/revision';
import type { ListingOption } from '$lib/domain/listing-option';

/*
 * THE typed failures of the server, each with its HTTP status: services throw them, and one place per kind
 * of answer turns them into French replies (http/page.ts for pages and forms, http/api.ts for JSON). No
 * other file defines an error class: a new refusal is a new class here, with its status.
 */

/** What the visitor sent cannot be used: the issues say why, in French. */
export class ValidationError extends Error {
	readonly status = 400;
	constructor(public readonly issues: string[]) {
		super(`Données invalides : ${issues.join(' ; ')}`);
		this.name = 'ValidationError';
	}
}

/** The typed text named no single listing: the form shows these candidates to choose from. */
export class PickError extends ValidationError {
	constructor(
		public readonly field: string,
		public readonly query: string,
		public readonly candidates: ListingOption[],
		message: string
	) {
		super([message]);
		this.name = 'PickError';
	}
}

/** A file the importer cannot read at all (binary, truncated workbook, broken JSON…): `reason` says why. */
export class UnreadableFileError extends ValidationError {
	constructor(public readonly reason: string) {
		super([`fichier illisible : ${reason}`]);
		this.name = 'UnreadableFileError';
	}
}

/** This person may not do that (the policy said no): the message says who may. */
export class ForbiddenError extends Error {
	readonly status = 403;
	constructor(message: string) {
		super(message);
		this.name = 'ForbiddenError';
	}
}

export class NotFoundError extends Error {
	readonly status = 404;
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
	readonly status = 409;
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

/** Every failure a service may throw on purpose; anything else is a bug (handleError: logged, generic 500). */
export type ExpectedError = ValidationError | ForbiddenError | NotFoundError | ConflictError;

export const isExpectedError = (e: unknown): e is ExpectedError =>
	e instanceof ValidationError || e instanceof ForbiddenError || e instanceof NotFoundError || e instanceof ConflictError;

/** The French sentence of a refusal, for a form: the issues one after the other, or the message. */
export const refusalText = (e: ExpectedError): string => (e instanceof ValidationError ? e.issues.join(' ') : e.message);
