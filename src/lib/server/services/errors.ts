import type { FieldChange } from '$lib/history/diff';
import { frenchList, wallClock } from '$lib/domain/french';
import { formatDay as englishDay } from '$lib/domain/english';
import { formatDateTime } from '$lib/history/format';
import { operationLabels, type RevisionOperation, type RevisionSubjectKind } from '$lib/history/revision';
import type { ListingOption } from '$lib/domain/listing-option';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';

/*
 * THE typed failures of the server, each with its HTTP status: services throw them, and one place per kind
 * of answer turns them into replies (http/page.ts for pages and forms, http/api.ts for JSON). No other file
 * defines an error class: a new refusal is a new class here, with its status. Their sentences are said when
 * thrown, in the request's language (paraglide's getLocale()): French outside a request and on the API.
 */

/** What the visitor sent cannot be used: the issues say why. */
export class ValidationError extends Error {
	readonly status = 400;
	constructor(public readonly issues: string[]) {
		super(m.errors_invalid_data({ issues: issues.join(' ; ') }));
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
		super([m.errors_unreadable_file({ reason })]);
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

const englishList = new Intl.ListFormat('en-GB', { type: 'conjunction' });
/** « 5 December 2026 at 20:38 », Paris time, as formatDateTime says it in French. */
function englishDateTime(value: string): string {
	const w = wallClock(value);
	const two = (n: number) => String(n).padStart(2, '0');
	return w.hour === null ? englishDay(value) : `${englishDay(value)} at ${two(w.hour)}:${two(w.minute ?? 0)}`;
}

/**
 * The French sentence names the fields changed; the English one leaves them out (their labels exist in French
 * only), the form shows the changes under it anyway.
 */
function conflictMessage(kind: RevisionSubjectKind, expected: number, current: number, other: ConflictingChange | null): string {
	const versions = { expected, current };
	if (!other) return kind === 'entity' ? m.errors_conflict_entity(versions) : m.errors_conflict_relation(versions);
	const english = getLocale() === 'en';
	const fields = other.changes.map((c) => c.label.toLowerCase());
	const facts = {
		...versions,
		authors: english ? englishList.format(other.authors) : frenchList(other.authors),
		date: english ? englishDateTime(other.createdAt) : formatDateTime(other.createdAt),
		changes: fields.length ? fields.join(', ') : operationLabels[other.operation].toLowerCase()
	};
	return kind === 'entity' ? m.errors_conflict_entity_by(facts) : m.errors_conflict_relation_by(facts);
}

/** Every failure a service may throw on purpose; anything else is a bug (handleError: logged, generic 500). */
export type ExpectedError = ValidationError | ForbiddenError | NotFoundError | ConflictError;

export const isExpectedError = (e: unknown): e is ExpectedError =>
	e instanceof ValidationError || e instanceof ForbiddenError || e instanceof NotFoundError || e instanceof ConflictError;

/** The sentence of a refusal, for a form: the issues one after the other, or the message. */
export const refusalText = (e: ExpectedError): string => (e instanceof ValidationError ? e.issues.join(' ') : e.message);
