import { proposalReviewedNotice, relationSentence, relationToConfirmNotice, reportOutcomeMail, reportReceivedNotice } from '$lib/domain/french';
import type { Db } from '../db';
import type { PendingChangeRow } from '../db/schema';
import { sendMail, serverMailSetting, type MailResult } from '../mail/mailer';
import { entityNames, pendingChangeById } from '../repos/contribution.repo';
import { notifyManagers, notifyUsers } from '../notifications/notify';
import { proposalFacts } from './proposal-facts';
import { proposalTitle } from './proposal-words';

/*
 * Who is told what when a contribution moves: the author of a reviewed proposal, the managers of a listing
 * someone reported, the other side of a declared relation, and the person who reported an error without
 * an account (by e-mail, if they left an address). Called inside the caller's transaction.
 */

const nameable = (names: ReturnType<typeof entityNames>) => (id: number) => names.get(id) ?? { name: `fiche n° ${id}`, kind: 'document' };

/** The author of an accepted or refused proposal hears of it, with the editor's comment. */
export function tellReviewOutcome(db: Db, c: PendingChangeRow, approved: boolean, comment: string, editorId: number): void {
	// A dispute's outcome is told to both sides by relation-dispute.service, with the relation named.
	if (c.authorUserId !== null && c.kind !== 'report' && c.kind !== 'relation_dispute') {
		const names = entityNames(
			db,
			[c.entityId, c.payload.sourceId, c.payload.targetId].filter((v): v is number => typeof v === 'number')
		);
		const title = proposalTitle(proposalFacts(db, c, nameable(names)));
		notifyUsers(
			db,
			[c.authorUserId],
			{ kind: approved ? 'proposal_approved' : 'proposal_rejected', ...proposalReviewedNotice(title, approved, comment), link: '/espace#propositions' },
			{ except: editorId }
		);
	}
	if (approved && c.kind === 'relation_create') tellOtherSide(db, c.payload, c.authorUserId ?? undefined);
}

/** A relation declared by one side waits for the other side's managers. */
export function tellOtherSide(db: Db, relation: Record<string, unknown>, except?: number): void {
	if (relation.confirmation !== 'declared') return;
	const sourceId = Number(relation.sourceId);
	const targetId = Number(relation.targetId);
	const declaredBy = relation.declaredByEntityId === null || relation.declaredByEntityId === undefined ? null : Number(relation.declaredByEntityId);
	const other = declaredBy === sourceId ? targetId : declaredBy === targetId ? sourceId : null;
	if (other === null) return;
	const name = nameable(entityNames(db, [sourceId, targetId]));
	const sentence = relationSentence(
		{ type: String(relation.type), startDate: (relation.startDate as string) ?? null, endDate: (relation.endDate as string) ?? null },
		name(sourceId),
		name(targetId)
	);
	notifyManagers(db, other, { kind: 'relation_to_confirm', ...relationToConfirmNotice(sentence), link: '/espace#confirmations' }, { except });
}

/** A visitor reported an error on a listing: its managers hear of it (the report itself waits for the editors). */
export function tellManagersOfReport(db: Db, entityId: number, entityName: string): void {
	notifyManagers(db, entityId, { kind: 'report', ...reportReceivedNotice(entityName), link: `/espace/fiches/${entityId}` });
}

/**
 * The visitor who reported an error and left an address is told the outcome once an editor reviewed it.
 * Returns null when there is nobody to tell (no address, not a report, not reviewed yet).
 */
export async function mailReportOutcome(db: Db, pendingId: number, origin: string): Promise<MailResult | null> {
	const c = reporterToTell(db, pendingId);
	if (!c) return null;
	const email = String(c.payload.email).trim();
	const entity = entityNames(db, [c.entityId as number]).get(c.entityId as number);
	if (!entity || !serverMailSetting()) return null;
	return sendMail(serverMailSetting(), {
		to: email,
		...reportOutcomeMail(entity.name, c.status === 'approved', c.reviewComment, `${origin}/acteurs/${entity.slug}`)
	});
}

/** The reviewed report whose author left an address, or null. */
export function reporterToTell(db: Db, pendingId: number): PendingChangeRow | null {
	const c = pendingChangeById(db, pendingId);
	const email = typeof c?.payload.email === 'string' ? c.payload.email.trim() : '';
	return c && c.kind === 'report' && c.status !== 'pending' && email && c.entityId && serverMailSetting() ? c : null;
}
