import { statfsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { formatNumber } from '$lib/domain/french/typography';
import type { Db } from '../db';
import { databasePath } from '../db';
import { backupDir } from '../backup/backup-dir';
import { listBackups } from '../backup/scheduled-backup';
import { appliedMigrations, appMigrations, compareSchema } from '../backup/schema-version';

export interface ReadinessCheck {
	ok: boolean;
	/** In French, for the operator reading the answer (no path, no secret). */
	detail: string;
}

export interface Readiness {
	ready: boolean;
	checks: {
		database: ReadinessCheck;
		migrations: ReadinessCheck;
		disk: ReadinessCheck & { freeMb: number; minMb: number };
		backup: ReadinessCheck & { lastAt: string | null; ageHours: number | null; maxAgeHours: number };
	};
}

const limits = z.object({
	minFreeMb: z.coerce.number().int().min(0).default(200),
	maxBackupAgeHours: z.coerce.number().positive().default(26)
});

/** CARTO_READY_MIN_FREE_MB (default 200) and CARTO_READY_MAX_BACKUP_AGE_HOURS (default 26: a daily backup may be a little late). */
export function readinessLimits(env: Record<string, string | undefined> = process.env) {
	const parsed = limits.safeParse({
		minFreeMb: env.CARTO_READY_MIN_FREE_MB || undefined,
		maxBackupAgeHours: env.CARTO_READY_MAX_BACKUP_AGE_HOURS || undefined
	});
	if (!parsed.success) throw new Error('Configuration invalide : CARTO_READY_MIN_FREE_MB et CARTO_READY_MAX_BACKUP_AGE_HOURS attendent des nombres positifs.');
	return parsed.data;
}

const startedAt = Date.now();

/**
 * What /readyz answers: the database answers, its schema is this version's, the disk holding it has room,
 * and the last backup is recent (a server up for less than the allowed age, with no backup yet, is ready:
 * its first scheduled backup is still to come).
 */
export function readiness(db: Db, env: NodeJS.ProcessEnv = process.env, now = new Date()): Readiness {
	const { minFreeMb, maxBackupAgeHours } = readinessLimits(env);
	const hours = (h: number) => `${formatNumber(h, Number.isInteger(h) ? 0 : 1)}\u00a0h`;
	let database: ReadinessCheck;
	let migrations: ReadinessCheck;
	try {
		db.$client.prepare('SELECT 1').get();
		database = { ok: true, detail: 'La base répond.' };
		const schema = compareSchema(appliedMigrations(db.$client));
		migrations =
			schema.status === 'same'
				? { ok: true, detail: `Schéma à jour (${appMigrations().length} migrations).` }
				: schema.status === 'older'
					? { ok: false, detail: `Migrations non appliquées : ${schema.missing.join(', ')}.` }
					: { ok: false, detail: 'La base vient d’une version plus récente de l’application.' };
	} catch (e) {
		database = { ok: false, detail: `La base ne répond pas (${(e as Error).message}).` };
		migrations = { ok: false, detail: 'Inconnu : la base ne répond pas.' };
	}
	const path = databasePath(env.DATABASE_URL);
	const stats = statfsSync(path === ':memory:' ? resolve('.') : dirname(resolve(path)));
	const freeMb = Math.floor((stats.bavail * stats.bsize) / 1024 / 1024);
	const disk = {
		ok: freeMb >= minFreeMb,
		freeMb,
		minMb: minFreeMb,
		detail:
			freeMb >= minFreeMb ? 'Assez de place sur le disque.' : `Plus que ${formatNumber(freeMb)}\u00a0Mo libres (minimum ${formatNumber(minFreeMb)}\u00a0Mo).`
	};
	const last = listBackups(backupDir(env)).sort((a, b) => b.date.getTime() - a.date.getTime())[0];
	const ageHours = last ? (now.getTime() - last.date.getTime()) / 3_600_000 : null;
	const upHours = (now.getTime() - startedAt) / 3_600_000;
	const backupOk = ageHours !== null ? ageHours <= maxBackupAgeHours : upHours <= maxBackupAgeHours;
	const backup = {
		ok: backupOk,
		lastAt: last?.date.toISOString() ?? null,
		ageHours: ageHours === null ? null : Math.round(ageHours * 10) / 10,
		maxAgeHours: maxBackupAgeHours,
		detail:
			ageHours === null
				? backupOk
					? 'Aucune sauvegarde encore : la première est planifiée.'
					: `Aucune sauvegarde depuis le démarrage, il y a plus de ${hours(maxBackupAgeHours)}.`
				: backupOk
					? 'Dernière sauvegarde récente.'
					: `Dernière sauvegarde vieille de ${hours(Math.round(ageHours))} (maximum ${hours(maxBackupAgeHours)}).`
	};
	return { ready: database.ok && migrations.ok && disk.ok && backup.ok, checks: { database, migrations, disk, backup } };
}
