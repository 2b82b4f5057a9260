import { z } from 'zod';
import type { Db } from '../db';

export const DEFAULT_IMPORT_RETENTION_MONTHS = 12;

/** CARTO_IMPORT_RETENTION_MONTHS: how long an imported file and its report are kept (default 12 months). */
export function importRetentionMonths(env: Record<string, string | undefined> = process.env): number {
	const raw = env.CARTO_IMPORT_RETENTION_MONTHS?.trim();
	if (!raw) return DEFAULT_IMPORT_RETENTION_MONTHS;
	const parsed = z.coerce.number().int().min(1).max(120).safeParse(raw);
	if (!parsed.success) throw new Error(`Configuration invalide : CARTO_IMPORT_RETENTION_MONTHS="${raw}" (attendu : un nombre entier de mois, de 1 à 120).`);
	return parsed.data;
}

/** The instant before which files are purged: `months` calendar months before `now`. */
export function retentionCutoff(now: Date, months: number): string {
	const cutoff = new Date(now);
	cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
	return cutoff.toISOString();
}

/**
 * Imported files hold whatever their authors' spreadsheets held (names, phones, notes): past the retention
 * period the file's bytes, its row-by-row report and the geocoder's answers go. What the import did stays —
 * the job, its counts, its list of changes (the « annuler l'import » button and the listings' history
 * need them) — so the history still says who imported what and when.
 */
export function purgeOldImportFiles(db: Db, now: Date, months: number): { jobs: number; bytes: number } {
	const cutoff = retentionCutoff(now, months);
	return db.$client.transaction(() => {
		const { jobs, bytes } = db.$client
			.prepare('SELECT count(*) AS jobs, coalesce(sum(length(file_content)), 0) AS bytes FROM import_jobs WHERE created_at < ? AND length(file_content) > 0')
			.get(cutoff) as { jobs: number; bytes: number };
		db.$client
			.prepare("UPDATE import_jobs SET file_content = x'', report = NULL, geocodes = '{}' WHERE created_at < ? AND length(file_content) > 0")
			.run(cutoff);
		return { jobs, bytes };
	})();
}
