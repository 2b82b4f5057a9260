import type { Actor } from '$lib/history/revision';
import { countOf } from '$lib/domain/french/typography';
import type { Db } from '../db';
import type { ImportChanges } from '../db/schema';
import { entityRowsByIds } from '../repos/import.repo';
import { entityRevisionIdsAt, revisionsByIds } from '../repos/revision.repo';
import type { EntityInput } from '$lib/domain/entity.schema';
import { entityFields, type EntityFields } from '$lib/history/snapshot';
import { createEntities, createRelations, deleteEntities, deleteRelation, updateEntities } from '../services/entity-write.service';
import { ValidationError } from '../services/errors';
import type { ImportPlan, RowPlan } from './plan';
import type { RelationPlan } from './plan-types';

export interface Author {
	actor: Actor;
	reason: string;
}

/**
 * One row's write, in the order a file is written: listings first (venues before the events held there, so
 * an event finds its venue's id), then the updates, then the relations between them. A commit writes these in
 * chunks of a few dozen, each chunk its own transaction, so the server keeps answering meanwhile.
 */
export type PlanStep = { kind: 'create'; row: RowPlan } | { kind: 'update'; row: RowPlan } | { kind: 'relation'; relation: RelationPlan };

export function planSteps(plan: ImportPlan): PlanStep[] {
	const created = plan.rows.filter((r) => r.action === 'create' && r.data);
	return [
		...created.filter((r) => !r.venueSlug).map((row) => ({ kind: 'create' as const, row })),
		...created.filter((r) => r.venueSlug).map((row) => ({ kind: 'create' as const, row })),
		...plan.rows
			.filter((r) => r.action === 'update' && r.data && r.existingId !== null && r.expectedVersion !== null)
			.map((row) => ({ kind: 'update' as const, row })),
		...plan.relations.filter((r) => r.action === 'create' && r.data && r.source && r.target).map((relation) => ({ kind: 'relation' as const, relation }))
	];
}

export const noChanges = (): ImportChanges => ({ createdEntityIds: [], createdRelationIds: [], updatedEntities: [] });

/** What a chunk wrote: the ids, and the slugs of the listings it created (later chunks' events and relations need them). */
export interface ChunkWritten {
	changes: ImportChanges;
	idBySlug: Map<string, number>;
}

/**
 * Writes consecutive steps through the single write path (one revision per row, operation « import »), inside
 * the caller's transaction. `known` holds the ids earlier chunks gave to this file's listings; it is only read:
 * the caller adds what this chunk returns once the chunk is committed.
 */
export function writeSteps(tx: Db, steps: PlanStep[], known: ReadonlyMap<string, number>, author: Author): ChunkWritten {
	const context = { ...author, operation: 'import' as const };
	const idBySlug = new Map<string, number>();
	const idOf = (slug: string | null | undefined) => (slug ? (idBySlug.get(slug) ?? known.get(slug)) : undefined);
	const changes = noChanges();
	for (const run of runsOf(steps)) {
		if (run.kind === 'create') {
			const rows = run.steps.map((s) => (s as { row: RowPlan }).row);
			const ids = createEntities(
				tx,
				rows.map((r) => (r.venueSlug ? { ...r.data!, venueId: idOf(r.venueSlug) ?? null } : r.data!)),
				context
			);
			rows.forEach((r, i) => idBySlug.set(r.slug!, ids[i]!));
			changes.createdEntityIds.push(...ids);
		} else if (run.kind === 'update') {
			const rows = run.steps.map((s) => (s as { row: RowPlan }).row);
			// The revision each listing had before: undoing the import goes back to it.
			const before = entityRevisionIdsAt(tx, new Map(rows.map((r) => [r.existingId!, r.expectedVersion!])));
			const missing = rows.find((r) => !before.has(r.existingId!));
			if (missing) throw new ValidationError([`ligne ${missing.row} : historique introuvable pour « ${missing.name} »`]);
			const written = updateEntities(
				tx,
				rows.map((r) => ({
					id: r.existingId!,
					expectedVersion: r.expectedVersion!,
					patch: r.venueSlug ? { ...r.data!, venueId: idOf(r.venueSlug) ?? null } : r.data!
				})),
				context
			);
			for (const w of written)
				if (w.revisionId !== null) changes.updatedEntities.push({ id: w.id, versionAfter: w.version, revisionBefore: before.get(w.id)! });
		} else {
			const inputs = run.steps.map((s) => {
				const r = (s as { relation: RelationPlan }).relation;
				const sourceId = r.source!.id ?? idOf(r.source!.slug);
				const targetId = r.target!.id ?? idOf(r.target!.slug);
				if (!sourceId || !targetId) throw new ValidationError([`ligne ${r.row} : une extrémité de la relation n'a pas été créée`]);
				return { ...r.data!, sourceId, targetId };
			});
			changes.createdRelationIds.push(...createRelations(tx, inputs, context));
		}
	}
	return { changes, idBySlug };
}

/** Consecutive steps written by one batch call. Events held at a venue of this file start a run of their own: the venue's id exists only once its run is written. */
function runsOf(steps: PlanStep[]): Array<{ kind: PlanStep['kind']; steps: PlanStep[] }> {
	const runs: Array<{ kind: PlanStep['kind']; key: string; steps: PlanStep[] }> = [];
	for (const step of steps) {
		const key = step.kind === 'create' && step.row.venueSlug ? 'create-at-venue' : step.kind;
		const last = runs.at(-1);
		if (last && last.key === key) last.steps.push(step);
		else runs.push({ kind: step.kind, key, steps: [step] });
	}
	return runs;
}

export function addChanges(into: ImportChanges, more: ImportChanges): ImportChanges {
	return {
		createdEntityIds: [...into.createdEntityIds, ...more.createdEntityIds],
		createdRelationIds: [...into.createdRelationIds, ...more.createdRelationIds],
		updatedEntities: [...into.updatedEntities, ...more.updatedEntities]
	};
}

/** A whole plan in the caller's transaction (small files, tests): the steps in one go. */
export function writePlan(tx: Db, plan: ImportPlan, author: Author): ImportChanges {
	return writeSteps(tx, planSteps(plan), new Map(), author).changes;
}

/**
 * Undoing, step by step: listings the import updated go back to their version before it, its relations and
 * its listings are deleted (soft, restorable), each as a new revision (nothing is erased).
 */
export type UndoStep =
	{ kind: 'restore'; update: ImportChanges['updatedEntities'][number] } | { kind: 'relation'; id: number } | { kind: 'entity'; id: number };

export function undoSteps(changes: ImportChanges): UndoStep[] {
	return [
		...changes.updatedEntities.map((update) => ({ kind: 'restore' as const, update })),
		...changes.createdRelationIds.map((id) => ({ kind: 'relation' as const, id })),
		...changes.createdEntityIds.map((id) => ({ kind: 'entity' as const, id }))
	];
}

/** Refused when someone changed a listing the import wrote since: undoing must never lose their work. */
export function assertUndoable(tx: Db, changes: ImportChanges): void {
	const rows = new Map(entityRowsByIds(tx, [...changes.createdEntityIds, ...changes.updatedEntities.map((u) => u.id)]).map((r) => [r.id, r]));
	const changedSince: string[] = [];
	for (const id of changes.createdEntityIds) {
		const row = rows.get(id);
		if (row && !row.deletedAt && row.version !== 1) changedSince.push(`« ${row.name} » (version ${row.version})`);
	}
	for (const u of changes.updatedEntities) {
		const row = rows.get(u.id);
		if (row && row.version !== u.versionAfter) changedSince.push(`« ${row.name} » (version ${row.version})`);
	}
	if (changedSince.length > 0) {
		const shown = changedSince.slice(0, 10).join(', ');
		const more = changedSince.length > 10 ? ` et ${changedSince.length - 10} autres` : '';
		throw new ValidationError([
			`Annulation refusée : ${countOf(changedSince.length, 'fiche a été modifiée', 'fiches ont été modifiées')} depuis l'import : ${shown}${more}. Revenez sur ces modifications depuis leur historique, puis annulez l'import.`
		]);
	}
}

/**
 * Writes consecutive undo steps in the caller's transaction. `tolerant` (taking back a commit cut short): a
 * listing someone edited meanwhile keeps that edit instead of refusing, so nothing anyone saved is lost.
 */
export function writeUndoSteps(tx: Db, steps: UndoStep[], author: Author, tolerant = false): { deleted: number; restored: number } {
	let deleted = 0;
	let restored = 0;
	const restores = steps.flatMap((s) => (s.kind === 'restore' ? [s.update] : []));
	if (restores.length > 0) {
		const current = new Map(
			entityRowsByIds(
				tx,
				restores.map((u) => u.id)
			).map((r) => [r.id, r])
		);
		const still = tolerant ? restores.filter((u) => current.get(u.id)?.version === u.versionAfter) : restores;
		// Back to each listing's version before the import, as new revisions (operation « rollback »).
		const snapshots = revisionsByIds(
			tx,
			still.map((u) => u.revisionBefore)
		);
		updateEntities(
			tx,
			still.map((u) => ({
				id: u.id,
				expectedVersion: u.versionAfter,
				patch: entityFields(snapshots.get(u.revisionBefore)!.snapshot as unknown as EntityFields) as Partial<EntityInput>
			})),
			{ ...author, operation: 'rollback' }
		);
		restored = still.length;
	}
	for (const s of steps) if (s.kind === 'relation') deleteRelation(tx, s.id, author);
	const entityIds = steps.flatMap((s) => (s.kind === 'entity' ? [s.id] : []));
	if (entityIds.length > 0) deleted = deleteEntities(tx, entityIds, author);
	return { deleted: tolerant ? deleted : entityIds.length, restored };
}

/** Undoes a whole import in the caller's transaction. */
export function undoChanges(tx: Db, changes: ImportChanges, author: Author): { deleted: number; restored: number } {
	assertUndoable(tx, changes);
	return writeUndoSteps(tx, undoSteps(changes), author);
}
