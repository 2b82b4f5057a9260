import { SYSTEM_ACTOR } from '$lib/history/revision';
import type { Db } from '../db';
import type { ImportChanges, ImportJobRow, ImportWriting } from '../db/schema';
import { claimImportJob, importJobsBeingWritten, saveImportProgress, updateImportJob } from '../repos/import.repo';
import { nowIso } from '../repos/entity-write.repo';
import { writeTransaction } from '../services/revision-write';
import { ValidationError } from '../services/errors';
import { inChunks, SERVER_PACE, type Pace } from './chunks';
import { addChanges, assertUndoable, noChanges, undoSteps, writeSteps, writeUndoSteps, type Author, type PlanStep } from './write-plan';
import { m } from '$lib/paraglide/messages';

/**
 * An import written in chunks stays one logical job, whole or absent: every chunk's transaction also saves
 * what the job has written so far, so a failure (or a crash, at the next start) takes exactly that back.
 */

const marker = (direction: ImportWriting['direction'], undone = 0): ImportWriting => ({ pid: process.pid, since: nowIso(), direction, undone });

const withoutMarker = ({ createdEntityIds, createdRelationIds, updatedEntities }: ImportChanges): ImportChanges => ({
	createdEntityIds,
	createdRelationIds,
	updatedEntities
});

/** Writes a job's steps chunk by chunk; on any error, takes back what was written, then rethrows it. */
export async function writeStepsInChunks(
	db: Db,
	jobId: number,
	steps: PlanStep[],
	author: Author,
	options: { pace?: Pace; progress?: (done: number) => void } = {}
): Promise<ImportChanges> {
	const writing = marker('commit');
	if (!claimImportJob(db, jobId, 'preview', { ...noChanges(), writing })) throw new ValidationError([m.errors_import_being_written()]);
	let changes = noChanges();
	const known = new Map<string, number>();
	const pace = options.pace ?? SERVER_PACE;
	try {
		await inChunks(
			steps,
			pace,
			(slice) => {
				const written = writeTransaction(db, (tx) => {
					const chunk = writeSteps(tx, slice, known, author);
					saveImportProgress(tx, jobId, { ...addChanges(changes, chunk.changes), writing });
					return chunk;
				});
				changes = addChanges(changes, written.changes);
				for (const [slug, id] of written.idBySlug) known.set(slug, id);
			},
			options.progress
		);
	} catch (error) {
		await undoInChunks(db, jobId, changes, { actor: author.actor, reason: interruptedReason(author.reason) }, 'rollback', 0, pace);
		throw error;
	}
	return changes;
}

const interruptedReason = (importReason: string) => `Annulation de l'${importReason.replace(/^Import/, 'import')} : écriture interrompue`;

/** A user's undo: refused up front if someone changed what the import wrote, then written chunk by chunk. */
export async function undoImportInChunks(db: Db, job: ImportJobRow, author: Author, pace: Pace = SERVER_PACE) {
	const changes = withoutMarker(job.changes!);
	writeTransaction(db, (tx) => {
		assertUndoable(tx, changes);
		if (!claimImportJob(tx, job.id, 'committed', { ...changes, writing: marker('undo') })) throw new ValidationError([m.errors_import_just_undone()]);
	});
	return undoInChunks(db, job.id, changes, author, 'undo', 0, pace);
}

/**
 * Undo steps from `from` on, each chunk saving how far it got. It ends the job as undone (`undo`) or as a
 * preview again (`rollback`). Listings someone edited meanwhile keep that edit (nothing anyone saved is lost).
 */
async function undoInChunks(db: Db, jobId: number, changes: ImportChanges, author: Author, direction: 'undo' | 'rollback', from: number, pace: Pace) {
	const steps = undoSteps(changes).slice(from);
	const writing = marker(direction, from);
	let deleted = 0;
	let restored = 0;
	await inChunks(steps, pace, (slice) => {
		writeTransaction(db, (tx) => {
			const done = writeUndoSteps(tx, slice, author, true);
			writing.undone += slice.length;
			saveImportProgress(tx, jobId, { ...changes, writing });
			deleted += done.deleted;
			restored += done.restored;
		});
	});
	writeTransaction(db, (tx) => {
		if (direction === 'rollback') saveImportProgress(tx, jobId, null);
		else updateImportJob(tx, jobId, 'committed', { status: 'undone', changes, undoneAt: nowIso(), undoneByLabel: author.actor.label });
	});
	return { deleted, restored };
}

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/**
 * At start: imports a crashed process was writing. A commit cut short is taken back (the job is a preview
 * again, the editor can commit it anew); an undo cut short is finished. A job another live process is writing
 * (the command line while the server starts) is left to it.
 */
export async function recoverInterruptedImports(db: Db, pace: Pace = SERVER_PACE): Promise<number> {
	let recovered = 0;
	for (const job of importJobsBeingWritten(db)) {
		const writing = job.changes!.writing!;
		if (writing.pid !== process.pid && alive(writing.pid)) continue;
		const changes = withoutMarker(job.changes!);
		const importReason = `Import n° ${job.id} (${job.fileName})`;
		if (writing.direction === 'undo') {
			await undoInChunks(
				db,
				job.id,
				changes,
				{ actor: SYSTEM_ACTOR, reason: `Annulation de l'import n° ${job.id} (${job.fileName}) : reprise après un arrêt` },
				'undo',
				writing.undone,
				pace
			);
		} else {
			const from = writing.direction === 'rollback' ? writing.undone : 0;
			await undoInChunks(db, job.id, changes, { actor: SYSTEM_ACTOR, reason: interruptedReason(importReason) }, 'rollback', from, pace);
		}
		recovered++;
	}
	return recovered;
}
