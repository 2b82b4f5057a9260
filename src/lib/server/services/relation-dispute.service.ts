import { frenchSpacing, type Nameable } from '$lib/domain/french';
import type { Actor } from '$lib/history/revision';
import { securityLog } from '../auth/security-log';
import type { Db } from '../db';
import type { PendingChangeRow, RelationRow } from '../db/schema';
import { notifyManagers } from '../notifications/notify';
import { relationRow } from '../repos/entity-write.repo';
import { deletePendingChangeOfAuthor, entityNames, insertPendingChange, pendingChangeById, reviewPendingChange } from '../repos/contribution.repo';
import { openDisputeOf, openDisputesOf, setDisputePayload } from '../repos/relation-dispute.repo';
import { deleteRelation, updateRelation } from './entity-write.service';
import { ForbiddenError, NotFoundError, ValidationError } from './errors';
import { assertEditor, canManage, isEditor } from './managers.service';
import { byActor, relationPhrase } from './proposal-words';
import { writeTransaction } from './revision-write';
import type { AccountUser } from './users.service';
import { m } from '$lib/paraglide/messages';

/*
 * « Contester » a relation. The side that did not declare it (either side of a relation the editors
 * entered or imported) says why: the relation reads « contestée » at once (a revision, through the write
 * path) and a `relation_dispute` proposal enters the moderation queue with that comment. The declaring side
 * is told and answers in the same proposal; the editors read both and either keep the relation (its
 * confirmation comes back) or remove it, with a comment both sides are told.
 */

export interface DisputeComment {
	/** The listing the author spoke for. */
	side: number;
	author: string;
	text: string;
	at: string;
}
interface DisputePayload {
	comments: DisputeComment[];
	/** The relation's ends, so that the queue and « Mes propositions » name them without another read. */
	sourceId?: number;
	targetId?: number;
	/** What the relation read before it was contested: « maintenir » gives it back. */
	previousConfirmation?: 'declared' | 'confirmed';
}

export const COMMENT_MAX = 2000;

const actorOf = (user: AccountUser): Actor => ({ userId: user.id, label: user.displayName });
const payloadOf = (c: PendingChangeRow): DisputePayload => {
	const p = c.payload as Partial<DisputePayload>;
	return { ...p, comments: Array.isArray(p.comments) ? p.comments : [] };
};

/** `required` says what to write when nothing was (a message, said in the request's language). */
function cleanComment(text: string, required: () => string = m.errors_dispute_comment_required): string {
	const t = text.replace(/\r\n?/g, '\n').trim();
	if (!t) throw new ValidationError([required()]);
	if (t.length > COMMENT_MAX) throw new ValidationError([m.errors_comment_too_long({ max: COMMENT_MAX })]);
	return t;
}

function liveRelation(db: Db, relationId: number): RelationRow {
	const row = relationRow(db, relationId);
	if (!row || row.deletedAt) throw new NotFoundError(m.errors_no_relation_id({ id: relationId }));
	return row;
}

/** The ends a manager may contest from: the one that did not declare it, or either end of an editors' relation. */
function contestingSides(db: Db, user: AccountUser, r: RelationRow): number[] {
	if (isEditor(user)) return [];
	return [r.sourceId, r.targetId].filter((id) => id !== r.declaredByEntityId && canManage(db, user, id));
}

/** Can `user` contest this relation now (not already contested, and from a side that did not declare it)? */
export function canContest(db: Db, user: AccountUser, r: RelationRow): boolean {
	return r.confirmation !== 'disputed' && contestingSides(db, user, r).length > 0;
}

/** The other end of a relation from `side`'s point of view. */
const otherEnd = (r: { sourceId: number; targetId: number }, side: number) => (side === r.sourceId ? r.targetId : r.sourceId);

function phraseOf(db: Db, r: RelationRow): { phrase: string; actor: (id: number) => Nameable } {
	const names = entityNames(db, [r.sourceId, r.targetId]);
	const actor = (id: number): Nameable => names.get(id) ?? { name: `fiche n° ${id}`, kind: 'document' };
	return { phrase: relationPhrase({ source: actor(r.sourceId), type: r.type, target: actor(r.targetId) }), actor };
}

/**
 * Contests a relation from a managed listing that did not declare it, with a required comment. Not
 * moderated (it adds no content): the relation reads « contestée » at once and the editors decide.
 */
export function contestRelation(db: Db, user: AccountUser, relationId: number, comment: string, now = new Date()): { pendingId: number } {
	const row = liveRelation(db, relationId);
	const sides = contestingSides(db, user, row);
	if (sides.length === 0) {
		throw new ForbiddenError(
			row.declaredByEntityId && canManage(db, user, row.declaredByEntityId) ? m.errors_dispute_own_declaration() : m.errors_dispute_other_side_only()
		);
	}
	if (row.confirmation === 'disputed') throw new ValidationError([m.errors_already_disputed()]);
	const text = cleanComment(comment);
	const side = sides[0] as number;
	const { phrase, actor } = phraseOf(db, row);
	const pendingId = writeTransaction(db, (tx) => {
		const written = updateRelation(
			tx,
			relationId,
			{ confirmation: 'disputed' },
			{ expectedVersion: row.version, actor: actorOf(user), reason: `Contestée : ${text}`.slice(0, 1000) }
		);
		const id = insertPendingChange(tx, {
			kind: 'relation_dispute',
			entityId: side,
			relationId,
			payload: {
				comments: [{ side, author: user.displayName, text, at: now.toISOString() }],
				sourceId: row.sourceId,
				targetId: row.targetId,
				previousConfirmation: row.confirmation === 'confirmed' ? 'confirmed' : 'declared'
			} satisfies DisputePayload as unknown as Record<string, unknown>,
			baseVersion: written.version,
			authorUserId: user.id,
			authorLabel: user.displayName
		});
		const other = otherEnd(row, side);
		notifyManagers(
			tx,
			other,
			{
				kind: 'relation_disputed',
				title: frenchSpacing(`La relation « ${phrase} » est contestée ${byActor(actor(side))}`),
				body: text,
				link: `/espace/fiches/${other}#relations`
			},
			{ except: user.id }
		);
		return id;
	});
	return { pendingId };
}

/** Adds a comment to the open dispute, from either side's managers (the declaring side answers here). */
export function commentDispute(db: Db, user: AccountUser, relationId: number, comment: string, now = new Date()): void {
	const row = liveRelation(db, relationId);
	const sides = [row.sourceId, row.targetId].filter((id) => canManage(db, user, id));
	if (isEditor(user) || sides.length === 0) throw new ForbiddenError(m.errors_dispute_parties_only());
	const dispute = openDisputeOf(db, relationId);
	if (!dispute) throw new NotFoundError(m.errors_no_open_dispute());
	const text = cleanComment(comment, m.errors_reply_required);
	// The declaring side speaks for itself; else the side the user manages, the source first.
	const side = sides.includes(row.declaredByEntityId ?? -1) ? (row.declaredByEntityId as number) : (sides[0] as number);
	const { phrase, actor } = phraseOf(db, row);
	const payload = payloadOf(dispute);
	writeTransaction(db, (tx) => {
		if (!setDisputePayload(tx, dispute.id, { ...payload, comments: [...payload.comments, { side, author: user.displayName, text, at: now.toISOString() }] })) {
			throw new ValidationError([m.errors_dispute_just_settled()]);
		}
		const other = otherEnd(row, side);
		notifyManagers(
			tx,
			other,
			{
				kind: 'relation_dispute_comment',
				title: frenchSpacing(`Réponse ${byActor(actor(side))} sur la relation contestée « ${phrase} »`),
				body: text,
				link: `/espace/fiches/${other}#relations`
			},
			{ except: user.id }
		);
	});
}

/** What a partner's relation card shows of an open dispute. */
export interface DisputeView {
	pendingId: number;
	comments: (DisputeComment & { sideName: string })[];
	canComment: boolean;
}

export function disputeViews(db: Db, user: AccountUser, rows: RelationRow[]): Map<number, DisputeView> {
	const open = openDisputesOf(
		db,
		rows.filter((r) => r.confirmation === 'disputed').map((r) => r.id)
	);
	const names = entityNames(
		db,
		[...open.values()].flatMap((c) => payloadOf(c).comments.map((k) => k.side))
	);
	const views = new Map<number, DisputeView>();
	for (const r of rows) {
		const c = open.get(r.id);
		if (!c) continue;
		views.set(r.id, {
			pendingId: c.id,
			comments: payloadOf(c).comments.map((k) => ({ ...k, sideName: names.get(k.side)?.name ?? `fiche n° ${k.side}` })),
			canComment: !isEditor(user) && (canManage(db, user, r.sourceId) || canManage(db, user, r.targetId))
		});
	}
	return views;
}

/** Both sides' comments, for the moderation queue. */
export function disputeComments(db: Db, c: PendingChangeRow): (DisputeComment & { sideName: string })[] {
	const comments = payloadOf(c).comments;
	const names = entityNames(
		db,
		comments.map((k) => k.side)
	);
	return comments.map((k) => ({ ...k, sideName: names.get(k.side)?.name ?? `fiche n° ${k.side}` }));
}

function tellBothSides(tx: Db, r: RelationRow, editor: AccountUser, kept: boolean, comment: string): void {
	const { phrase } = phraseOf(tx, r);
	const title = frenchSpacing(
		kept
			? `La relation contestée « ${phrase} » est maintenue par l’équipe du Connecteur`
			: `La relation contestée « ${phrase} » est retirée par l’équipe du Connecteur`
	);
	for (const id of [r.sourceId, r.targetId]) {
		notifyManagers(tx, id, { kind: 'relation_dispute_resolved', title, body: comment, link: `/espace/fiches/${id}#relations` }, { except: editor.id });
	}
}

/**
 * « Retirer la relation » (the dispute accepted): the relation is deleted through the write path, both sides
 * told. Runs inside approvePendingChange's transaction, which then closes the proposal.
 */
export function removeDisputedRelation(tx: Db, c: PendingChangeRow, editor: AccountUser, comment: string): void {
	assertEditor(editor);
	const why = cleanComment(comment, m.errors_resolution_comment_required);
	const row = relationRow(tx, c.relationId as number);
	// Already removed by one of the sides meanwhile: nothing left to decide but closing the dispute.
	if (!row || row.deletedAt) return;
	deleteRelation(tx, row.id, { expectedVersion: row.version, actor: actorOf(editor), reason: `Contestation acceptée : ${why}`.slice(0, 1000) });
	tellBothSides(tx, row, editor, false, why);
}

/**
 * « Maintenir la relation » (the dispute refused): the relation reads again what it read before (confirmée
 * or déclarée), both sides told, the proposal closed with the editor's comment. One transaction.
 */
export function keepDisputedRelation(db: Db, editor: AccountUser, c: PendingChangeRow, comment: string, now = new Date()): void {
	assertEditor(editor);
	const why = cleanComment(comment, m.errors_resolution_comment_required);
	writeTransaction(db, (tx) => {
		const row = relationRow(tx, c.relationId as number);
		if (row && !row.deletedAt) {
			if (row.confirmation === 'disputed') {
				const back = payloadOf(c).previousConfirmation === 'confirmed' ? 'confirmed' : 'declared';
				updateRelation(
					tx,
					row.id,
					{ confirmation: back },
					{ expectedVersion: row.version, actor: actorOf(editor), reason: `Contestation refusée : ${why}`.slice(0, 1000) }
				);
			}
			tellBothSides(tx, row, editor, true, why);
		}
		if (!reviewPendingChange(tx, c.id, { status: 'rejected', reviewerUserId: editor.id, reviewComment: why.slice(0, 1000), reviewedAt: now.toISOString() })) {
			throw new ValidationError([m.errors_already_handled()]);
		}
	});
	securityLog('change.rejected', { change: c.id, by: editor.id });
}

/**
 * The contesting partner withdraws their dispute while it waits: the relation reads again what it read
 * before (a revision, through the write path), the proposal is gone, and the declaring side is told.
 * Returns false when `pendingId` is not one of this user's waiting disputes (the caller handles the rest).
 */
export function withdrawDispute(db: Db, user: AccountUser, pendingId: number): boolean {
	return writeTransaction(db, (tx) => {
		const c = pendingChangeById(tx, pendingId);
		if (!c || c.kind !== 'relation_dispute' || c.status !== 'pending' || c.authorUserId !== user.id) return false;
		if (!deletePendingChangeOfAuthor(tx, pendingId, user.id)) return false;
		const row = relationRow(tx, c.relationId as number);
		if (row && !row.deletedAt && row.confirmation === 'disputed') {
			const back = payloadOf(c).previousConfirmation === 'confirmed' ? 'confirmed' : 'declared';
			updateRelation(tx, row.id, { confirmation: back }, { expectedVersion: row.version, actor: actorOf(user), reason: 'Contestation retirée' });
			const { phrase } = phraseOf(tx, row);
			for (const side of [row.sourceId, row.targetId]) {
				notifyManagers(
					tx,
					side,
					{
						kind: 'relation_dispute_withdrawn',
						title: frenchSpacing(`La contestation de la relation « ${phrase} » est retirée.`),
						link: `/espace/fiches/${side}#relations`
					},
					{ except: user.id }
				);
			}
		}
		return true;
	});
}
