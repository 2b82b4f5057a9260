import { sql } from 'drizzle-orm';
import type { Db } from '../db';
import type { NotifyMode } from '../db/schema';

export interface MailRecipient {
	id: number;
	email: string;
	displayName: string;
	role: string;
	digestSentAt: string | null;
	/** When their last notification went out by e-mail (the last weekly digest, for weekly users). */
	lastEmailedAt: string | null;
	/** Their oldest notification not yet e-mailed. */
	oldestUnsentAt: string | null;
}

/** Active accounts of this mode with notifications not yet e-mailed. */
export function recipientsWithUnsent(db: Db, mode: NotifyMode): MailRecipient[] {
	return db.all<MailRecipient>(sql`select u.id, u.email, u.display_name as displayName, u.role, u.digest_sent_at as digestSentAt,
		(select max(n.emailed_at) from notifications n where n.user_id = u.id) as lastEmailedAt,
		(select min(n.created_at) from notifications n where n.user_id = u.id and n.emailed_at is null) as oldestUnsentAt
		from users u where u.disabled_at is null and u.notify_mode = ${mode}
		and exists (select 1 from notifications n where n.user_id = u.id and n.emailed_at is null) order by u.id`);
}

export interface UnsentNotification {
	id: number;
	title: string;
	body: string;
	link: string;
	createdAt: string;
}

export function unsentNotifications(db: Db, userId: number): UnsentNotification[] {
	return db.all<UnsentNotification>(sql`select id, title, body, link, created_at as createdAt from notifications
		where user_id = ${userId} and emailed_at is null order by created_at, id`);
}

export function markEmailed(db: Db, ids: number[], now: string): void {
	if (ids.length) db.run(sql`update notifications set emailed_at = ${now} where id in (select value from json_each(${JSON.stringify(ids)}))`);
}

/** Active editors and admins who want e-mail at all. */
export function digestEditors(db: Db): { id: number; email: string; displayName: string; digestSentAt: string | null }[] {
	return db.all(sql`select id, email, display_name as displayName, digest_sent_at as digestSentAt from users
		where disabled_at is null and role in ('editor', 'admin') and notify_mode <> 'none' order by id`);
}

export function setDigestSentAt(db: Db, userId: number, now: string): void {
	db.run(sql`update users set digest_sent_at = ${now} where id = ${userId}`);
}
