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
import type { ImportPlan } from './plan';

export interface Author {
	actor: Actor;
	reason: string;
}

/**
 * Writes a plan through the single write path (one revision per row, operation « import »). Runs inside the
 * caller's transaction: every helper below opens a savepoint, so one failure undoes the whole file.
 */
export function writePlan(tx: Db, plan: ImportPlan, author: Author): ImportChanges {
	const context = { ...author, operation: 'import' as const };
	// Events whose venue this file creates come second, once the venue has its id.
	const planned = plan.rows.filter((r) => r.action === 'create' && r.data);
	const idBySlug = new Map<string, number>();
	const createdEntityIds: number[] = [];
	for (const batch of [planned.filter((r) => !r.venueSlug), planned.filter((r) => r.venueSlug)]) {
		if (batch.length === 0) continue;
		const ids = createEntities(
			tx,
			batch.map((r) => (r.venueSlug ? { ...r.data!, venueId: idBySlug.get(r.venueSlug) ?? null } : r.data!)),
			context
		);
		batch.forEach((r, i) => idBySlug.set(r.slug!, ids[i]!));
		createdEntityIds.push(...ids);
	}

	const updates = plan.rows.filter((r) => r.action === 'update' && r.data && r.existingId !== null && r.expectedVersion !== null);
	// The revision each listing had before: undoing the import goes back to it.
	const before = entityRevisionIdsAt(tx, new Map(updates.map((r) => [r.existingId!, r.expectedVersion!])));
	const missing = updates.find((r) => !before.has(r.existingId!));
	if (missing) throw new ValidationError([`ligne ${missing.row} : historique introuvable pour « ${missing.name} »`]);
	const written = updateEntities(
		tx,
		updates.map((r) => ({
			id: r.existingId!,
			expectedVersion: r.expectedVersion!,
			patch: r.venueSlug ? { ...r.data!, venueId: idBySlug.get(r.venueSlug) ?? null } : r.data!
		})),
		context
	);
	const updatedEntities = written.flatMap((w) => (w.revisionId === null ? [] : [{ id: w.id, versionAfter: w.version, revisionBefore: before.get(w.id)! }]));

	const relationInputs = plan.relations.flatMap((r) => {
		if (r.action !== 'create' || !r.data || !r.source || !r.target) return [];
		const sourceId = r.source.id ?? idBySlug.get(r.source.slug);
		const targetId = r.target.id ?? idBySlug.get(r.target.slug);
		if (!sourceId || !targetId) throw new ValidationError([`ligne ${r.row} : une extrémité de la relation n'a pas été créée`]);
		return [{ ...r.data, sourceId, targetId }];
	});
	const createdRelationIds = createRelations(tx, relationInputs, context);
	return { createdEntityIds, createdRelationIds, updatedEntities };
}

/**
 * Undoes what an import wrote, as new revisions (nothing is erased): created entities and relations are
 * deleted (soft, restorable), updated entities go back to their version before the import. Refused when
 * someone changed one of them since, so that undoing never loses their work.
 */
export function undoChanges(tx: Db, changes: ImportChanges, author: Author): { deleted: number; restored: number } {
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
	// Back to each listing's version before the import, as new revisions (operation « rollback »).
	const snapshots = revisionsByIds(
		tx,
		changes.updatedEntities.map((u) => u.revisionBefore)
	);
	updateEntities(
		tx,
		changes.updatedEntities.map((u) => ({
			id: u.id,
			expectedVersion: u.versionAfter,
			patch: entityFields(snapshots.get(u.revisionBefore)!.snapshot as unknown as EntityFields) as Partial<EntityInput>
		})),
		{ ...author, operation: 'rollback' }
	);
	for (const id of changes.createdRelationIds) deleteRelation(tx, id, author);
	deleteEntities(tx, changes.createdEntityIds, author);
	return { deleted: changes.createdEntityIds.length, restored: changes.updatedEntities.length };
}
