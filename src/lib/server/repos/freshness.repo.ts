import { sql } from 'drizzle-orm';
import type { Db } from '../db';
import { freshnessReminders } from '../db/schema';

export interface StaleListing {
	id: number;
	name: string;
	slug: string;
	lastVerifiedAt: string | null;
}

/** An active manager of the listing `e` (disabled accounts are not reminded). */
const activeManager = sql`select 1 from entity_managers m join users u on u.id = m.user_id where m.entity_id = e.id and u.disabled_at is null`;

/**
 * Published listings not verified since `limitDay` (or never) with someone to remind: an active manager
 * not reminded since `repeatSince`, or, without a manager, the editors' list not reminded since then.
 * Each recipient has their own interval: the team's reminder of yesterday does not silence the partner
 * the listing was entrusted to this morning, nor does a first manager's reminder silence a second one's.
 */
export function staleListingsToRemind(db: Db, limitDay: string, repeatSince: string): StaleListing[] {
	return db.all<StaleListing>(sql`select e.id, e.name, e.slug, e.last_verified_at as lastVerifiedAt from entities e
		where e.deleted_at is null and e.status = 'published' and (e.last_verified_at is null or e.last_verified_at < ${limitDay})
		and (
			exists (${activeManager} and not exists (select 1 from freshness_reminders r
				where r.entity_id = e.id and r.user_id = m.user_id and r.sent_at > ${repeatSince}))
			or (not exists (${activeManager}) and not exists (select 1 from freshness_reminders r
				where r.entity_id = e.id and r.user_id is null and r.sent_at > ${repeatSince}))
		)
		order by e.id`);
}

export interface ManagerContact {
	entityId: number;
	userId: number;
	email: string;
	displayName: string;
}

/** Active managers of these listings, with whether each was already reminded since `repeatSince`. */
export function activeManagersOf(db: Db, entityIds: number[], repeatSince: string): (ManagerContact & { remindedSince: 0 | 1 })[] {
	if (entityIds.length === 0) return [];
	return db.all<ManagerContact & { remindedSince: 0 | 1 }>(sql`select m.entity_id as entityId, u.id as userId, u.email, u.display_name as displayName,
		exists (select 1 from freshness_reminders r where r.entity_id = m.entity_id and r.user_id = m.user_id and r.sent_at > ${repeatSince}) as remindedSince
		from entity_managers m join users u on u.id = m.user_id
		where u.disabled_at is null and m.entity_id in (select value from json_each(${JSON.stringify(entityIds)}))
		order by u.id, m.entity_id`);
}

export interface ReminderValues {
	entityId: number;
	userId: number | null;
	sentAt: string;
	tokenSha256: string | null;
	expiresAt: string | null;
}

export function insertReminders(db: Db, rows: ReminderValues[]): void {
	if (rows.length) db.insert(freshnessReminders).values(rows).run();
}

export interface ReminderToken {
	id: number;
	entityId: number;
	userId: number | null;
	expiresAt: string | null;
	usedAt: string | null;
	entityName: string;
	entitySlug: string;
	lastVerifiedAt: string | null;
}

export function reminderByToken(db: Db, tokenSha256: string): ReminderToken | undefined {
	return db.get<ReminderToken>(sql`select r.id, r.entity_id as entityId, r.user_id as userId, r.expires_at as expiresAt, r.used_at as usedAt,
		e.name as entityName, e.slug as entitySlug, e.last_verified_at as lastVerifiedAt
		from freshness_reminders r join entities e on e.id = r.entity_id where r.token_sha256 = ${tokenSha256}`);
}

/** Spends the link: true only for the one call that found it unused and unexpired. */
export function useReminderToken(db: Db, id: number, now: string): boolean {
	return db.run(sql`update freshness_reminders set used_at = ${now} where id = ${id} and used_at is null and expires_at > ${now}`).changes === 1;
}

/** Marks the bell's reminder rows as e-mailed: the reminder's own message was that e-mail. */
export function markReminderNotificationsEmailed(db: Db, userId: number, since: string, now: string): void {
	db.run(
		sql`update notifications set emailed_at = ${now} where user_id = ${userId} and kind = 'freshness_reminder' and emailed_at is null and created_at >= ${since}`
	);
}
