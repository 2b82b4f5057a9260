/**
 * The vocabulary of the history (isomorphic: the server writes it, pages display it).
 * Every write to an entity or a relation stores one revision: who, when, why, what it did, and the
 * whole subject after the write (see snapshot.ts).
 */

export const REVISION_SUBJECT_KINDS = ['entity', 'relation'] as const;
export type RevisionSubjectKind = (typeof REVISION_SUBJECT_KINDS)[number];

export const REVISION_OPERATIONS = ['create', 'update', 'delete', 'restore', 'rollback', 'merge', 'import'] as const;
export type RevisionOperation = (typeof REVISION_OPERATIONS)[number];

export const operationLabels: Record<RevisionOperation, string> = {
	create: 'Création',
	update: 'Modification',
	delete: 'Suppression',
	restore: 'Restauration',
	rollback: 'Retour à une version antérieure',
	merge: 'Fusion',
	import: 'Import'
};

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
