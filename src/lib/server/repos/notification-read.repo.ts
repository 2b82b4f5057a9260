import { sql } from 'drizzle-orm';
import type { Db } from '../db';
import type { NotifyMode } from '../db/schema';

/** One of the user's own notifications: another user's id reads as unknown (0 rows changed). */
export function markOneRead(db: Db, userId: number, id: number, now: string): boolean {
	return db.run(sql`update notifications set read_at = ${now} where id = ${id} and user_id = ${userId} and read_at is null`).changes === 1;
}

export function markAllRead(db: Db, userId: number, now: string): number {
	return db.run(sql`update notifications set read_at = ${now} where user_id = ${userId} and read_at is null`).changes;
}

export function notificationPage(db: Db, userId: number, limit: number, offset: number) {
	return db.all<{ id: number; kind: string; title: string; body: string; link: string; createdAt: string; readAt: string | null }>(
		sql`select id, kind, title, body, link, created_at as createdAt, read_at as readAt from notifications where user_id = ${userId}
		order by created_at desc, id desc limit ${limit} offset ${offset}`
	);
}

export function notificationCount(db: Db, userId: number): number {
	return db.get<{ n: number }>(sql`select count(*) as n from notifications where user_id = ${userId}`)?.n ?? 0;
}

export function notifyModeOf(db: Db, userId: number): NotifyMode {
	return db.get<{ mode: NotifyMode }>(sql`select notify_mode as mode from users where id = ${userId}`)?.mode ?? 'immediate';
}

export function setNotifyMode(db: Db, userId: number, mode: NotifyMode): void {
	db.run(sql`update users set notify_mode = ${mode} where id = ${userId}`);
}
