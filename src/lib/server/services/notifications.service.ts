import { z } from 'zod';
import type { Db } from '../db';
import type { NotifyMode } from '../db/schema';
import { unreadCount } from '../repos/notification.repo';
import { markAllRead, markOneRead, notificationCount, notificationPage, notifyModeOf, setNotifyMode } from '../repos/notification-read.repo';
import { NotFoundError, ValidationError } from './errors';
import type { AccountUser } from './users.service';
import { m } from '$lib/paraglide/messages';

/* The bell and /notifications: each user reads and clears only their own notifications. */

export const NOTIFY_MODES = ['immediate', 'weekly', 'none'] as const satisfies readonly NotifyMode[];
export const NOTIFY_MODE_LABELS: Record<NotifyMode, string> = {
	immediate: 'Immédiatement, un courriel à chaque nouveauté',
	weekly: 'Un résumé par semaine',
	none: 'Aucun courriel (la cloche seulement)'
};
const notifyModeSchema = z.enum(NOTIFY_MODES, { error: () => m.errors_notify_mode() });

export const NOTIFICATIONS_PAGE = 30;

export function unreadNotifications(db: Db, user: AccountUser): number {
	return unreadCount(db, user.id);
}

export function myNotifications(db: Db, user: AccountUser, page: number) {
	const total = notificationCount(db, user.id);
	return {
		total,
		unread: unreadCount(db, user.id),
		page,
		pageSize: NOTIFICATIONS_PAGE,
		items: notificationPage(db, user.id, NOTIFICATIONS_PAGE, (page - 1) * NOTIFICATIONS_PAGE)
	};
}

export function readNotification(db: Db, user: AccountUser, id: number, now = new Date()): void {
	if (!markOneRead(db, user.id, id, now.toISOString())) throw new NotFoundError(m.errors_notification_not_found());
}

export function readAllNotifications(db: Db, user: AccountUser, now = new Date()): number {
	return markAllRead(db, user.id, now.toISOString());
}

export function notifyModeFor(db: Db, user: AccountUser): NotifyMode {
	return notifyModeOf(db, user.id);
}

/** The e-mail preference, from /compte: validated here, since the column has no CHECK. */
export function chooseNotifyMode(db: Db, user: AccountUser, value: unknown): NotifyMode {
	const parsed = notifyModeSchema.safeParse(value);
	if (!parsed.success) throw new ValidationError(parsed.error.issues.map((i) => i.message));
	setNotifyMode(db, user.id, parsed.data);
	return parsed.data;
}
