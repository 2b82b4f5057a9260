/**
 * The vocabulary of the history (isomorphic: the server writes it, pages display it).
 * Every write to an entity or a relation stores one revision: who, when, why, what it did, and the
 * whole subject after the write (see snapshot.ts).
 */
import { m } from '$lib/paraglide/messages';
import { getLocale, type Locale } from '$lib/paraglide/runtime';

export const REVISION_SUBJECT_KINDS = ['entity', 'relation'] as const;
export type RevisionSubjectKind = (typeof REVISION_SUBJECT_KINDS)[number];

export const REVISION_OPERATIONS = ['create', 'update', 'delete', 'restore', 'rollback', 'merge', 'import'] as const;
export type RevisionOperation = (typeof REVISION_OPERATIONS)[number];

const OPERATION_LABELS: Record<RevisionOperation, (inputs?: object, options?: { locale?: Locale }) => string> = {
	create: m.newsroom_op_create,
	update: m.newsroom_op_update,
	delete: m.newsroom_op_delete,
	restore: m.newsroom_op_restore,
	rollback: m.newsroom_op_rollback,
	merge: m.newsroom_op_merge,
	import: m.newsroom_op_import
};

/** What a revision did, in a page's language (`getLocale()` answers the request's on the server). */
export function operationLabel(operation: RevisionOperation, locale: Locale = getLocale()): string {
	return OPERATION_LABELS[operation]?.({}, { locale }) ?? operation;
}

/** The French labels, as the services' own sentences (conflict messages) use them. */
export const operationLabels = Object.fromEntries(REVISION_OPERATIONS.map((op) => [op, operationLabel(op, 'fr')])) as Record<RevisionOperation, string>;

/**
 * Who writes. Accounts do not exist yet: `userId` stays null until they do, and `label` is what the
 * history shows (a person's display name, or « système » for seeds, migrations and command-line tools).
 */
export interface Actor {
	userId: number | null;
	label: string;
}

export const SYSTEM_ACTOR: Actor = Object.freeze({ userId: null, label: 'système' });

/** The import job a revision came from (« Import n° 12 (…) », « Annulation de l'import n° 12 … »), if any. */
export function importJobOfReason(reason: string): number | null {
	const match = /^(?:Import|Annulation de l'import) n° (\d+)\b/.exec(reason);
	return match ? Number(match[1]) : null;
}
