import { securityLog } from '../auth/security-log';
import type { Db } from '../db';
import type { EntityRow } from '../db/schema';
import { entityRow } from '../repos/entity-write.repo';
import { findUserByEmail, findUserById } from '../repos/user.repo';
import { deleteManager, insertManager, isManager, listManagers, listPartners, setUserModerated } from '../repos/contribution.repo';
import { ForbiddenError, NotFoundError, ValidationError } from './errors';
import { isEditor, mayBeGivenListings, mayEditEntity } from '../auth/policy';
import { listingId, type ListingRef } from './listing-picker.service';
import type { AccountUser } from './users.service';
import { m } from '$lib/paraglide/messages';

/*
 * Who may touch which listing. Every contribution and moderation function calls one of these guards
 * before reading anything it would write, whatever route brought the request: the pages only decide
 * what to show, never what is allowed.
 */

export { isEditor };

export function assertEditor(user: AccountUser): void {
	if (!isEditor(user)) throw new ForbiddenError(m.errors_editors_only());
}

/** Editors manage everything; a partner only the listings granted to them. */
export function canManage(db: Db, user: AccountUser, entityId: number): boolean {
	return mayEditEntity(db, user, entityId);
}

/**
 * The live entity the user may edit. An unknown id and someone else's listing answer differently (404 /
 * 403) only for editors' convenience; neither writes anything.
 */
export function managedEntity(db: Db, user: AccountUser, entityId: number): EntityRow {
	const row = entityRow(db, entityId);
	if (!row || row.deletedAt) throw new NotFoundError(m.errors_no_listing_id({ id: entityId }));
	if (!canManage(db, user, entityId)) throw new ForbiddenError(m.errors_not_your_listing());
	return row;
}

/** Which partner account a grant is for: its e-mail (typed in /moderation) or its id (/admin/utilisateurs). */
export type PartnerRef = string | { userId: number };

/**
 * Lets a partner account manage a listing, chosen by id or by the text typed in a picker (see
 * listing-picker.service). Written to the security log; granting twice changes nothing and says so.
 */
export function grantManager(
	db: Db,
	editor: AccountUser,
	listing: ListingRef,
	partner: PartnerRef
): { entityName: string; partnerName: string; already: boolean } {
	assertEditor(editor);
	const entityId = listingId(db, editor, listing, { scope: 'live' });
	const row = entityRow(db, entityId);
	if (!row || row.deletedAt) throw new NotFoundError(m.errors_no_listing_id({ id: entityId }));
	const user = typeof partner === 'string' ? findUserByEmail(db, partner.trim().toLowerCase()) : findUserById(db, partner.userId);
	if (!user || user.disabledAt) {
		throw typeof partner === 'string' ? new ValidationError([m.errors_no_active_account_for({ partner })]) : new NotFoundError(m.errors_no_active_account_id());
	}
	if (!mayBeGivenListings(user)) throw new ValidationError([m.errors_partner_only_manages()]);
	const already = isManager(db, user.id, entityId);
	if (!already) {
		insertManager(db, entityId, user.id, editor.id);
		securityLog('manager.granted', { entity: entityId, user: user.id, by: editor.id });
	}
	return { entityName: row.name, partnerName: user.displayName, already };
}

export function revokeManager(db: Db, editor: AccountUser, entityId: number, userId: number): void {
	assertEditor(editor);
	if (!deleteManager(db, entityId, userId)) throw new NotFoundError(m.errors_not_managing());
	securityLog('manager.revoked', { entity: entityId, user: userId, by: editor.id });
}

/** « Publication directe » (false) or « modérée » (true), per partner. */
export function setPartnerModerated(db: Db, editor: AccountUser, userId: number, moderated: boolean): void {
	assertEditor(editor);
	const user = findUserById(db, userId);
	if (!user || user.role !== 'partner') throw new NotFoundError(m.errors_no_partner_account());
	setUserModerated(db, userId, moderated);
	securityLog('partner.moderation_changed', { user: userId, moderated, by: editor.id });
}

export function managersOverview(db: Db, editor: AccountUser) {
	assertEditor(editor);
	return { managers: listManagers(db), partners: listPartners(db) };
}
