import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { notifications, users } from '../db/schema';

export interface NotificationValues {
	kind: string;
	title: string;
	body?: string;
	link?: string;
}

export function insertNotifications(db: Db, userIds: number[], n: NotificationValues): void {
	if (userIds.length === 0) return;
	db.insert(notifications)
		.values(userIds.map((userId) => ({ userId, kind: n.kind, title: n.title, body: n.body ?? '', link: n.link ?? '' })))
		.run();
}

/** Active editors and admins: who reads the moderation queue. */
export function editorIds(db: Db): number[] {
	return db
		.select({ id: users.id })
		.from(users)
		.where(and(inArray(users.role, ['editor', 'admin']), isNull(users.disabledAt)))
		.all()
		.map((r) => r.id);
}

/** Active accounts managing a listing. */
export function managerIds(db: Db, entityId: number): number[] {
	return db
		.all<{ id: number }>(
			sql`select u.id from entity_managers m join users u on u.id = m.user_id where m.entity_id = ${entityId} and u.disabled_at is null order by u.id`
		)
		.map((r) => r.id);
}

export function unreadCount(db: Db, userId: number): number {
	return db.get<{ n: number }>(sql`select count(*) as n from notifications where user_id = ${userId} and read_at is null`)?.n ?? 0;
}

export function latestNotifications(db: Db, userId: number, limit = 50) {
	return db
		.select()
		.from(notifications)
		.where(eq(notifications.userId, userId))
		.orderBy(desc(notifications.createdAt), desc(notifications.id))
		.limit(limit)
		.all();
}
