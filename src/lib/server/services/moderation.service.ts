import { securityLog } from '../auth/security-log';
import type { EntityInput, RelationInput } from '$lib/domain/entity.schema';
import { diffSnapshots, type SnapshotLike } from '$lib/history/diff';
import { displayChange, type DisplayChange } from '$lib/history/format';
import { entityFields, relationFields } from '$lib/history/snapshot';
import type { Actor } from '$lib/history/revision';
import type { Db } from '../db';
import type { PendingChangeRow } from '../db/schema';
import { entityRow, relationRow, slugTaken } from '../repos/entity-write.repo';
import {
	entityNames,
	insertManager,
	insertSlugRedirect,
	liveRelationsOf,
	moveManagers,
	pendingChangeById,
	pendingChangesByStatus,
	redirectTarget,
	retargetSlugRedirects,
	reviewPendingChange,
	setDeclaredBy
} from '../repos/contribution.repo';
import { slugify } from '$lib/domain/slug';
import { createEntity, createRelations, deleteEntity, deleteRelation, updateEntity, updateRelation } from './entity-write.service';
import { NotFoundError, ValidationError } from './errors';
import { listingId, type ListingRef } from './listing-picker.service';
import { assertEditor } from './managers.service';
import { proposalFacts } from './proposal-facts';
import { disputeComments, keepDisputedRelation, removeDisputedRelation } from './relation-dispute.service';
import { KIND_LABELS, proposalTitle } from './proposal-words';
import { withCommuneCentre } from './listing-place.service';
import { newcomerLocale } from '../mail/recipient-locale';
import { applyNewcomerChange, isNewcomerChange, newcomerFacts, newcomerRejection, type FollowUpMail, type NewcomerFacts } from './newcomer.service';
import { writeTransaction } from './revision-write';
import { tellReviewOutcome } from './review-notices';
import { toAccountUser, type AccountUser } from './users.service';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { attachOrganisers, ORGANISERS_KEY, type EventOrganisers } from './event-posting.service';
import { findUserById } from '../repos/user.repo';
import { moveMentions } from '../repos/article.repo';
import { findTerritorySummaries } from '../repos/territory.repo';

/*
 * The editors' side: the queue of pending changes with their field-by-field diff, approval (applied in one
 * transaction through the write path, with the version the contributor saw) and rejection, merges of
 * duplicates, archiving. Every function starts with assertEditor.
 */

export interface QueueItem {
	id: number;
	kind: PendingChangeRow['kind'];
	kindLabel: string;
	/** « Modification de la fiche Volcabio : nom, site web » */
	title: string;
	entity: { id: number; name: string; slug: string; kind: string; category: string } | null;
	authorLabel: string;
	createdAt: string;
	changes: DisplayChange[];
	/** The subject changed since the contributor saw it: approving would be refused. */
	stale: boolean;
	report: { message: string; correction: string; email: string } | null;
	/** A request of someone without an account (new listing, claim): their e-mail and flags, for editors only. */
	newcomer: NewcomerFacts | null;
	/** A contested relation: both sides' comments, oldest first. */
	dispute: ReturnType<typeof disputeComments> | null;
}

function queueItem(db: Db, c: PendingChangeRow): QueueItem {
	let before: SnapshotLike | null = null;
	let after: SnapshotLike | null = null;
	let stale = false;
	const payload = c.payload;
	if (c.kind === 'entity_update' && c.entityId) {
		const row = entityRow(db, c.entityId);
		if (row) {
			before = entityFields(row) as unknown as SnapshotLike;
			after = { ...before, ...payload };
			stale = row.version !== c.baseVersion;
		}
	} else if (c.kind === 'entity_create' || c.kind === 'relation_create') {
		after = payload;
	} else if ((c.kind === 'relation_update' || c.kind === 'relation_delete') && c.relationId) {
		const row = relationRow(db, c.relationId);
		if (row) {
			before = relationFields(row) as unknown as SnapshotLike;
			after = c.kind === 'relation_delete' ? null : { ...before, ...payload };
			stale = row.version !== c.baseVersion || row.deletedAt !== null;
		}
	}
	const organisers = c.kind === 'entity_create' ? (payload[ORGANISERS_KEY] as EventOrganisers | undefined) : undefined;
	const organiserIds = organisers ? [organisers.organiserId, ...organisers.coOrganiserIds] : [];
	const organiserNames = () => organiserIds.filter((id): id is number => id !== null).map((id) => names.get(id)?.name ?? `n° ${id}`);
	const ids = [c.entityId, payload.sourceId, payload.targetId, payload.venueId, before?.sourceId, before?.targetId, ...organiserIds].filter(
		(v): v is number => typeof v === 'number'
	);
	const names = entityNames(db, ids);
	const changes =
		c.kind === 'report'
			? []
			: diffSnapshots(before, after)
					// Bookkeeping, not what the contributor proposed.
					.filter((d) => d.field !== 'declaredByEntityId' && d.field !== ORGANISERS_KEY && !(d.field === 'isDemo' && !d.after));
	const entity = c.entityId ? names.get(c.entityId) : undefined;
	const communeCodes = [before?.communeCode, after?.communeCode].filter((v): v is string => typeof v === 'string');
	const communes = new Map(findTerritorySummaries(db, communeCodes).map((t) => [t.code, t.name]));
	return {
		id: c.id,
		kind: c.kind,
		kindLabel: KIND_LABELS[c.kind],
		title: proposalTitle(
			proposalFacts(db, c, (id) => names.get(id) ?? { name: `fiche n° ${id}`, kind: 'document' }),
			getLocale()
		),
		entity: entity && c.entityId ? { id: c.entityId, ...entity } : null,
		authorLabel: c.authorLabel,
		createdAt: c.createdAt,
		changes: [
			...changes.map((d) => displayChange(d, { entity: (id) => names.get(id)?.name, commune: (code) => communes.get(code) })),
			// Who organises a posted event: the organiser first, then the co-organisers (their managers confirm).
			...(organisers
				? [
						{
							field: ORGANISERS_KEY,
							label: m.newsroom_field_organisers(),
							change: 'set' as const,
							before: null,
							after: organiserNames(),
							added: organiserNames(),
							removed: [],
							long: false
						}
					]
				: [])
		],
		stale,
		report:
			c.kind === 'report' ? { message: String(payload.message ?? ''), correction: String(payload.correction ?? ''), email: String(payload.email ?? '') } : null,
		newcomer: newcomerFacts(db, c),
		dispute: c.kind === 'relation_dispute' ? disputeComments(db, c) : null
	};
}

export function moderationQueue(db: Db, editor: AccountUser): QueueItem[] {
	assertEditor(editor);
	return pendingChangesByStatus(db, 'pending').map((c) => queueItem(db, c));
}

/** Reviewed changes go in the history as the contributor's, with the editor who let them through. */
const approvedActor = (c: PendingChangeRow, editor: AccountUser): Actor => ({
	userId: c.authorUserId,
	label: `${c.authorLabel} (validé par ${editor.displayName})`
});

function applyChange(tx: Db, c: PendingChangeRow, editor: AccountUser, comment: string): FollowUpMail | null | void {
	const ctx = { actor: approvedActor(c, editor), reason: comment };
	if (isNewcomerChange(c)) return applyNewcomerChange(tx, c, editor, ctx);
	const version = c.baseVersion ?? 0;
	switch (c.kind) {
		case 'entity_update':
			updateEntity(tx, c.entityId as number, c.payload as Partial<EntityInput>, { ...ctx, expectedVersion: version });
			return;
		case 'entity_create': {
			// An event posted from /espace carries who organises it: its relations are written with it.
			const { [ORGANISERS_KEY]: organisers, ...input } = c.payload as EntityInput & { [ORGANISERS_KEY]?: EventOrganisers };
			// The name's slug may have been taken while the proposal waited.
			const slug = slugTaken(tx, input.slug) ? `${slugify(input.name)}-${c.id}` : input.slug;
			// Placed (at its commune's centre at least), or it would never reach the map.
			const id = createEntity(tx, withCommuneCentre(tx, { ...input, slug }), ctx);
			if (c.authorUserId) insertManager(tx, id, c.authorUserId, editor.id);
			if (organisers) {
				const author = c.authorUserId ? findUserById(tx, c.authorUserId) : undefined;
				attachOrganisers(tx, author ? toAccountUser(author) : null, id, organisers, ctx);
			}
			return;
		}
		case 'relation_create': {
			const { declaredByEntityId, ...input } = c.payload as RelationInput & { declaredByEntityId: number | null };
			const [id] = createRelations(tx, [input], ctx);
			setDeclaredBy(tx, id as number, declaredByEntityId ?? null);
			return;
		}
		case 'relation_update':
			updateRelation(tx, c.relationId as number, c.payload as Partial<RelationInput>, { ...ctx, expectedVersion: version });
			return;
		case 'relation_delete':
			deleteRelation(tx, c.relationId as number, { ...ctx, expectedVersion: version });
			return;
		case 'relation_dispute':
			removeDisputedRelation(tx, c, editor, comment);
			return;
		case 'report':
			// A report is read and acted upon by hand; approving it only marks it handled.
			return;
	}
}

function pendingOrNotFound(db: Db, id: number): PendingChangeRow {
	const c = pendingChangeById(db, id);
	if (!c) throw new NotFoundError(m.errors_no_proposal_id({ id }));
	if (c.status !== 'pending') throw new ValidationError([m.errors_already_handled()]);
	return c;
}

/**
 * Applies a pending change and closes it, all in one transaction: a stale change (the subject moved
 * since the contributor saw it) throws the ConflictError naming the other change, and nothing is written.
 */
export function approvePendingChange(db: Db, editor: AccountUser, id: number, comment = '', now = new Date()): FollowUpMail | null {
	assertEditor(editor);
	const followUp = writeTransaction(db, (tx) => {
		const c = pendingOrNotFound(tx, id);
		const mail = applyChange(tx, c, editor, comment.trim());
		if (!reviewPendingChange(tx, id, { status: 'approved', reviewerUserId: editor.id, reviewComment: comment.trim(), reviewedAt: now.toISOString() })) {
			throw new ValidationError([m.errors_already_handled()]);
		}
		tellReviewOutcome(tx, c, true, comment.trim(), editor.id);
		return mail ?? null;
	});
	securityLog('change.approved', { change: id, by: editor.id });
	return followUp;
}

/** A rejection says why: the contributor reads the comment in their space. */
export function rejectPendingChange(db: Db, editor: AccountUser, id: number, comment: string, now = new Date()): FollowUpMail | null {
	assertEditor(editor);
	const why = comment.trim();
	const c = pendingOrNotFound(db, id);
	if (c.kind === 'relation_dispute') {
		keepDisputedRelation(db, editor, c, why, now);
		return null;
	}
	if (!why) throw new ValidationError([m.errors_refusal_reason_required()]);
	writeTransaction(db, (tx) => {
		if (!reviewPendingChange(tx, id, { status: 'rejected', reviewerUserId: editor.id, reviewComment: why.slice(0, 1000), reviewedAt: now.toISOString() })) {
			throw new ValidationError([m.errors_already_handled()]);
		}
		tellReviewOutcome(tx, c, false, why.slice(0, 1000), editor.id);
	});
	securityLog('change.rejected', { change: id, by: editor.id });
	// Written to in the language the newcomer asked in, as their confirmation was.
	return newcomerRejection(c, why.slice(0, 1000), newcomerLocale(db, c.id));
}

/**
 * Merges a duplicate into the listing kept: its relations move over (a relation the kept listing already
 * has, or one between the two, is deleted instead of doubled), its managers too, it is soft-deleted and
 * its slug redirects to the kept one. One transaction, every step through the write path.
 */
export function mergeEntities(db: Db, editor: AccountUser, keepRef: ListingRef, dropRef: ListingRef): { keptName: string; droppedName: string } {
	assertEditor(editor);
	const keepId = listingId(db, editor, keepRef, { scope: 'live' });
	const dropId = listingId(db, editor, dropRef, { scope: 'live' });
	if (keepId === dropId) throw new ValidationError([m.errors_merge_same()]);
	const names = writeTransaction(db, (tx) => {
		const keep = entityRow(tx, keepId);
		const drop = entityRow(tx, dropId);
		if (!keep || keep.deletedAt) throw new NotFoundError(m.errors_no_listing_id({ id: keepId }));
		if (!drop || drop.deletedAt) throw new NotFoundError(m.errors_no_listing_id({ id: dropId }));
		const actor: Actor = { userId: editor.id, label: editor.displayName };
		const reason = `Fusion de « ${drop.name} » dans « ${keep.name} »`;
		const key = (type: string, s: number, t: number) => `${type}:${s}:${t}`;
		const existing = new Set(liveRelationsOf(tx, keepId).map((r) => key(r.type, r.sourceId, r.targetId)));
		for (const r of liveRelationsOf(tx, dropId)) {
			const sourceId = r.sourceId === dropId ? keepId : r.sourceId;
			const targetId = r.targetId === dropId ? keepId : r.targetId;
			const k = key(r.type, sourceId, targetId);
			if (sourceId === targetId || existing.has(k)) {
				deleteRelation(tx, r.id, { actor, reason, expectedVersion: r.version });
			} else {
				updateRelation(tx, r.id, { sourceId, targetId }, { actor, reason, expectedVersion: r.version });
				if (r.declaredByEntityId === dropId) setDeclaredBy(tx, r.id, keepId);
				existing.add(k);
			}
		}
		moveManagers(tx, dropId, keepId);
		moveMentions(tx, dropId, keepId);
		deleteEntity(tx, dropId, { actor, reason, expectedVersion: drop.version });
		retargetSlugRedirects(tx, dropId, keepId);
		insertSlugRedirect(tx, drop.slug, keepId);
		return { keptName: keep.name, droppedName: drop.name };
	});
	securityLog('entities.merged', { kept: keepId, dropped: dropId, by: editor.id });
	return names;
}

/** Archived listings leave the public pages but keep their history; restoring publishes them again. */
export function setArchived(db: Db, editor: AccountUser, listing: ListingRef, archived: boolean): { name: string } {
	assertEditor(editor);
	const entityId = listingId(db, editor, listing, { scope: archived ? 'live' : 'archived' });
	const row = entityRow(db, entityId);
	if (!row || row.deletedAt) throw new NotFoundError(m.errors_no_listing_id({ id: entityId }));
	updateEntity(
		db,
		entityId,
		{ status: archived ? 'archived' : 'published' },
		{
			expectedVersion: row.version,
			actor: { userId: editor.id, label: editor.displayName },
			reason: archived ? 'Archivée' : 'Restaurée depuis les archives'
		}
	);
	return { name: row.name };
}

/** The slug a merged listing's old slug now leads to, if any (public: no account needed). */
export function mergedInto(db: Db, oldSlug: string): string | undefined {
	return redirectTarget(db, oldSlug);
}
