import type { Db } from '../db';
import { editorIds, insertNotifications, managerIds, type NotificationValues } from '../repos/notification.repo';

/*
 * The one way anything tells a user something happened: a row per recipient, in the caller's transaction
 * (a rolled-back write notifies nobody). The bell reads these rows; the notifications job e-mails them
 * later, immediately or in a digest as each user chose. Nothing here sends mail or waits on the network.
 */

export type { NotificationValues };

/** To these accounts, the acting one left out (nobody is told of what they did themselves). */
export function notifyUsers(db: Db, userIds: number[], n: NotificationValues, options: { except?: number } = {}): void {
	insertNotifications(
		db,
		[...new Set(userIds)].filter((id) => id !== options.except),
		n
	);
}

/** To every active manager of a listing. */
export function notifyManagers(db: Db, entityId: number, n: NotificationValues, options: { except?: number } = {}): void {
	notifyUsers(db, managerIds(db, entityId), n, options);
}

/** To every active editor and admin. */
export function notifyEditors(db: Db, n: NotificationValues, options: { except?: number } = {}): void {
	notifyUsers(db, editorIds(db), n, options);
}
