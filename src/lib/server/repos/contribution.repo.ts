import { and, asc, desc, eq, inArray, isNull, or } from 'drizzle-orm';
import type { EntityStatus } from '$lib/domain/vocabulary';
import type { Db } from '../db';
import {
	entities,
	entityManagers,
	entitySlugRedirects,
	pendingChanges,
	relations,
	territories,
	users,
	type PendingChangeKind,
	type PendingChangeRow,
	type PendingChangeStatus
} from '../db/schema';

// --- managers -------------------------------------------------------------------------------------

export function isManager(db: Db, userId: number, entityId: number): boolean {
	return (
		db
			.select({ id: entityManagers.id })
			.from(entityManagers)
			.where(and(eq(entityManagers.userId, userId), eq(entityManagers.entityId, entityId)))
			.get() !== undefined
	);
}

export function managedEntityIds(db: Db, userId: number): number[] {
	return db
		.select({ id: entityManagers.entityId })
		.from(entityManagers)
		.where(eq(entityManagers.userId, userId))
		.all()
		.map((r) => r.id);
}

export function insertManager(db: Db, entityId: number, userId: number, grantedBy: number | null): void {
	db.insert(entityManagers).values({ entityId, userId, grantedBy }).onConflictDoNothing().run();
}

export function deleteManager(db: Db, entityId: number, userId: number): boolean {
	return (
		db
			.delete(entityManagers)
			.where(and(eq(entityManagers.entityId, entityId), eq(entityManagers.userId, userId)))
			.run().changes > 0
	);
}

export function moveManagers(db: Db, fromEntityId: number, toEntityId: number): void {
	const rows = db.select().from(entityManagers).where(eq(entityManagers.entityId, fromEntityId)).all();
	for (const r of rows) insertManager(db, toEntityId, r.userId, r.grantedBy);
	db.delete(entityManagers).where(eq(entityManagers.entityId, fromEntityId)).run();
}

/** Every grant with the names an editor needs to read the list. */
export function listManagers(db: Db) {
	return db
		.select({
			entityId: entityManagers.entityId,
			entityName: entities.name,
			entitySlug: entities.slug,
			userId: users.id,
			userName: users.displayName,
			userEmail: users.email
		})
		.from(entityManagers)
		.innerJoin(entities, eq(entities.id, entityManagers.entityId))
		.innerJoin(users, eq(users.id, entityManagers.userId))
		.orderBy(asc(entities.name), asc(users.displayName))
		.all();
}

export function listPartners(db: Db) {
	return db
		.select({ id: users.id, displayName: users.displayName, email: users.email, moderated: users.moderated })
		.from(users)
		.where(and(eq(users.role, 'partner'), isNull(users.disabledAt)))
		.orderBy(asc(users.displayName))
		.all();
}

export function setUserModerated(db: Db, userId: number, moderated: boolean): boolean {
	return (
		db
			.update(users)
			.set({ moderated })
			.where(and(eq(users.id, userId), eq(users.role, 'partner')))
			.run().changes === 1
	);
}

export function userModerated(db: Db, userId: number): boolean {
	return db.select({ moderated: users.moderated }).from(users).where(eq(users.id, userId)).get()?.moderated ?? true;
}

// --- entities and relations as partners see them -----------------------------------------------------

export function entitiesByIds(db: Db, ids: number[]) {
	if (ids.length === 0) return [];
	return db
		.select()
		.from(entities)
		.where(and(inArray(entities.id, ids), isNull(entities.deletedAt)))
		.orderBy(asc(entities.name))
		.all();
}

/** Live relations touching any of `ids`, with both ends' names. */
export function relationsTouching(db: Db, ids: number[]) {
	if (ids.length === 0) return [];
	return db
		.select()
		.from(relations)
		.where(and(isNull(relations.deletedAt), or(inArray(relations.sourceId, ids), inArray(relations.targetId, ids))))
		.orderBy(asc(relations.id))
		.all();
}

/** Names, with the kind and category a French sentence needs (« la Couveuse des Puys », « incubée par »). */
export function entityNames(db: Db, ids: number[]): Map<number, { name: string; slug: string; kind: string; category: string }> {
	if (ids.length === 0) return new Map();
	const rows = db
		.select({ id: entities.id, name: entities.name, slug: entities.slug, kind: entities.kind, category: entities.category })
		.from(entities)
		.where(inArray(entities.id, ids))
		.all();
	return new Map(rows.map((r) => [r.id, { name: r.name, slug: r.slug, kind: r.kind, category: r.category }]));
}

/**
 * What a listing picker matches names against: the id and name of every live entity (drafts included: a
 * partner may link a proposal), optionally of some statuses only. Two small columns: 10,000 rows read in a
 * few milliseconds, so the name matching (accents, word starts) stays in one pure module.
 */
export function entityNamesForPick(db: Db, statuses?: readonly EntityStatus[]) {
	return db
		.select({ id: entities.id, name: entities.name })
		.from(entities)
		.where(and(isNull(entities.deletedAt), statuses ? inArray(entities.status, [...statuses]) : undefined))
		.all();
}

/** What tells namesakes apart, for the few listings a picker shows. */
export function entityPickDetails(db: Db, ids: number[]) {
	if (ids.length === 0) return [];
	return db
		.select({
			id: entities.id,
			name: entities.name,
			kind: entities.kind,
			category: entities.category,
			status: entities.status,
			communeName: territories.name
		})
		.from(entities)
		.leftJoin(territories, eq(territories.code, entities.communeCode))
		.where(inArray(entities.id, ids))
		.all();
}

export function setDeclaredBy(db: Db, relationId: number, entityId: number | null): void {
	db.update(relations).set({ declaredByEntityId: entityId }).where(eq(relations.id, relationId)).run();
}

/** Live relations of `entityId` (both directions), for merges. */
export function liveRelationsOf(db: Db, entityId: number) {
	return db
		.select()
		.from(relations)
		.where(and(isNull(relations.deletedAt), or(eq(relations.sourceId, entityId), eq(relations.targetId, entityId))))
		.all();
}

// --- pending changes --------------------------------------------------------------------------------

export interface NewPendingChange {
	kind: PendingChangeKind;
	entityId?: number | null;
	relationId?: number | null;
	payload: Record<string, unknown>;
	baseVersion?: number | null;
	authorUserId: number | null;
	authorLabel: string;
}

export function insertPendingChange(db: Db, values: NewPendingChange): number {
	return db.insert(pendingChanges).values(values).returning({ id: pendingChanges.id }).get().id;
}

export function pendingChangeById(db: Db, id: number): PendingChangeRow | undefined {
	return db.select().from(pendingChanges).where(eq(pendingChanges.id, id)).get();
}

export function pendingChangesByStatus(db: Db, status: PendingChangeStatus, limit = 200): PendingChangeRow[] {
	return db.select().from(pendingChanges).where(eq(pendingChanges.status, status)).orderBy(asc(pendingChanges.createdAt)).limit(limit).all();
}

export function pendingChangesByAuthor(db: Db, userId: number, limit = 50): PendingChangeRow[] {
	return db
		.select()
		.from(pendingChanges)
		.where(eq(pendingChanges.authorUserId, userId))
		.orderBy(desc(pendingChanges.createdAt), desc(pendingChanges.id))
		.limit(limit)
		.all();
}

/** What one author still waits on, oldest first (the edit page shows these next to the fields). */
export function pendingChangesWaitingFor(db: Db, userId: number): PendingChangeRow[] {
	return db
		.select()
		.from(pendingChanges)
		.where(and(eq(pendingChanges.authorUserId, userId), eq(pendingChanges.status, 'pending')))
		.orderBy(asc(pendingChanges.createdAt), asc(pendingChanges.id))
		.all();
}

/** Removes proposals that a newer one of the same author replaces (never a reviewed one). */
export function deletePendingChanges(db: Db, ids: number[]): void {
	if (ids.length === 0) return;
	db.delete(pendingChanges)
		.where(and(inArray(pendingChanges.id, ids), eq(pendingChanges.status, 'pending')))
		.run();
}

/**
 * Waiting edits of a listing that started from `fromVersion` now start from `toVersion`: for writes that
 * touch no field a proposal may change (the verification date), so approving them is not refused.
 */
export function rebasePendingEntityUpdates(db: Db, entityId: number, fromVersion: number, toVersion: number): void {
	db.update(pendingChanges)
		.set({ baseVersion: toVersion })
		.where(
			and(
				eq(pendingChanges.entityId, entityId),
				eq(pendingChanges.kind, 'entity_update'),
				eq(pendingChanges.status, 'pending'),
				eq(pendingChanges.baseVersion, fromVersion)
			)
		)
		.run();
}

/** Closes a pending change once; false if it was already reviewed (two editors clicking at once). */
export function reviewPendingChange(
	db: Db,
	id: number,
	values: { status: Exclude<PendingChangeStatus, 'pending'>; reviewerUserId: number; reviewComment: string; reviewedAt: string }
): boolean {
	return (
		db
			.update(pendingChanges)
			.set(values)
			.where(and(eq(pendingChanges.id, id), eq(pendingChanges.status, 'pending')))
			.run().changes === 1
	);
}

export function deletePendingChangeOfAuthor(db: Db, id: number, userId: number): boolean {
	return (
		db
			.delete(pendingChanges)
			.where(and(eq(pendingChanges.id, id), eq(pendingChanges.authorUserId, userId), eq(pendingChanges.status, 'pending')))
			.run().changes === 1
	);
}

// --- slug redirects ---------------------------------------------------------------------------------

export function insertSlugRedirect(db: Db, oldSlug: string, entityId: number): void {
	// Re-merging under a slug that once redirected elsewhere points it at the newest owner.
	db.insert(entitySlugRedirects).values({ oldSlug, entityId }).onConflictDoUpdate({ target: entitySlugRedirects.oldSlug, set: { entityId } }).run();
}

/** Slugs that already pointed at the dropped entity follow it to the kept one (no redirect chains). */
export function retargetSlugRedirects(db: Db, fromEntityId: number, toEntityId: number): void {
	db.update(entitySlugRedirects).set({ entityId: toEntityId }).where(eq(entitySlugRedirects.entityId, fromEntityId)).run();
}

export function redirectTarget(db: Db, oldSlug: string): string | undefined {
	return db
		.select({ slug: entities.slug })
		.from(entitySlugRedirects)
		.innerJoin(entities, eq(entities.id, entitySlugRedirects.entityId))
		.where(and(eq(entitySlugRedirects.oldSlug, oldSlug), isNull(entities.deletedAt)))
		.get()?.slug;
}
