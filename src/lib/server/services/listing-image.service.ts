import type { Db } from '../db';
import { pendingChangesWaitingFor } from '../repos/contribution.repo';
import { storeListingImage, EMPTY_FILE } from '../uploads/listing-image';
import { uploadsDir } from '../uploads/uploads-dir';
import { submitEntityUpdate, type SubmitResult } from './contribution.service';
import { ValidationError } from './errors';
import { managedEntity } from './managers.service';
import type { AccountUser } from './users.service';
import { m } from '$lib/paraglide/messages';

/*
 * A listing's logo or photo, set by its managers (and editors) from the edit page. The new key and alt text
 * go through submitEntityUpdate like any field: a moderated partner's image waits for an editor, and the
 * history records who set which image. Files of an image refused or replaced stay on disk (they are
 * small, and a restored revision may point at them again).
 */

export const ALT_MAX = 300;

export interface ImageUpload {
	/** The file's bytes; null or empty when only the alt text changes. */
	bytes: Uint8Array | null;
	alt: string;
	/** « Retirer l'image »: the listing goes back to no image. */
	remove?: boolean;
}

export async function submitListingImage(
	db: Db,
	user: AccountUser,
	entityId: number,
	upload: ImageUpload,
	expectedVersion: number,
	dir = uploadsDir()
): Promise<SubmitResult> {
	// Authorises before reading a single byte of the file.
	const row = managedEntity(db, user, entityId);
	if (upload.remove) return submitEntityUpdate(db, user, entityId, { imageKey: null, imageAlt: null }, expectedVersion);
	const alt = upload.alt.replace(/\s+/g, ' ').trim();
	const hasFile = !!upload.bytes && upload.bytes.byteLength > 0;
	const problems: string[] = [];
	if (!alt) problems.push(m.errors_alt_required());
	if (alt.length > ALT_MAX) problems.push(m.errors_alt_too_long({ max: ALT_MAX }));
	const proposedKey = pendingChangesWaitingFor(db, user.id).some((c) => c.kind === 'entity_update' && c.entityId === entityId && c.payload.imageKey);
	if (!hasFile && !row.imageKey && !proposedKey) problems.push(EMPTY_FILE);
	if (problems.length) throw new ValidationError(problems);
	if (!hasFile) return submitEntityUpdate(db, user, entityId, { imageAlt: alt }, expectedVersion);
	const stored = await storeListingImage(upload.bytes as Uint8Array, dir);
	return submitEntityUpdate(db, user, entityId, { imageKey: stored.key, imageAlt: alt }, expectedVersion);
}
