import { z } from 'zod';

export interface RetentionPolicy {
	/** Hours during which the newest backup of each hour is kept. */
	hourly: number;
	/** Days during which the newest backup of each day (UTC) is kept. */
	daily: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { hourly: 24, daily: 30 };

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Which backups to delete: of those younger than `hourly` hours, the newest of each hour stays; of those
 * younger than `daily` days, the newest of each day stays; the newest backup of all always stays, whatever
 * its age (a server that stopped backing up keeps its last copy). Pure: the caller deletes.
 */
export function backupsToDelete<T extends { date: Date }>(backups: T[], now: Date, policy: RetentionPolicy = DEFAULT_RETENTION): T[] {
	const newestFirst = [...backups].sort((a, b) => b.date.getTime() - a.date.getTime());
	const keep = new Set<T>(newestFirst.slice(0, 1));
	const hours = new Set<number>();
	const days = new Set<number>();
	for (const b of newestFirst) {
		const age = now.getTime() - b.date.getTime();
		const hour = Math.floor(b.date.getTime() / HOUR);
		const day = Math.floor(b.date.getTime() / DAY);
		if (age < policy.hourly * HOUR && !hours.has(hour)) {
			hours.add(hour);
			keep.add(b);
		}
		if (age < policy.daily * DAY && !days.has(day)) {
			days.add(day);
			keep.add(b);
		}
	}
	return newestFirst.filter((b) => !keep.has(b));
}

const count = (name: string, fallback: number) =>
	z
		.string()
		.optional()
		.transform((v, ctx) => {
			if (v === undefined || v.trim() === '') return fallback;
			const n = Number(v);
			if (!Number.isInteger(n) || n < 0 || n > 10_000) {
				ctx.addIssue({ code: 'custom', message: `${name} : un nombre entier de 0 à 10 000 est attendu (reçu « ${v} »)` });
				return z.NEVER;
			}
			return n;
		});

/** CARTO_BACKUP_KEEP_HOURLY (default 24) and CARTO_BACKUP_KEEP_DAILY (default 30), with a French error naming the variable. */
export function retentionPolicy(env: Record<string, string | undefined> = process.env): RetentionPolicy {
	const parsed = z
		.object({ hourly: count('CARTO_BACKUP_KEEP_HOURLY', DEFAULT_RETENTION.hourly), daily: count('CARTO_BACKUP_KEEP_DAILY', DEFAULT_RETENTION.daily) })
		.safeParse({ hourly: env.CARTO_BACKUP_KEEP_HOURLY, daily: env.CARTO_BACKUP_KEEP_DAILY });
	if (!parsed.success) throw new Error(`Configuration des sauvegardes invalide : ${parsed.error.issues.map((i) => i.message).join(' ; ')}`);
	return parsed.data;
}
