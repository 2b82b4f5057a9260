import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../db';
import { databasePath } from '../db';
import { uploadsDir } from '../uploads/uploads-dir';
import { backupDir } from './backup-dir';
import { backupDate, createBackup, type BackupResult } from './create-backup';
import { backupsToDelete, retentionPolicy } from './retention';

/** Our archives in a folder, with the date their names carry. */
export function listBackups(dir: string): { file: string; date: Date }[] {
	let names: string[];
	try {
		names = readdirSync(dir);
	} catch {
		return [];
	}
	return names.flatMap((name) => {
		const date = backupDate(name);
		return date ? [{ file: join(dir, name), date }] : [];
	});
}

/** Deletes the archives the retention policy no longer keeps; returns how many went. */
export function pruneBackups(dir: string, now: Date, env: NodeJS.ProcessEnv = process.env): number {
	const doomed = backupsToDelete(listBackups(dir), now, retentionPolicy(env));
	for (const b of doomed) rmSync(b.file, { force: true });
	return doomed.length;
}

/**
 * The scheduled backup, then the retention policy. In the server (`live`), through its own connection and
 * SQLite's online backup, page by page between requests; from `npm run jobs`, with VACUUM INTO.
 */
export async function scheduledBackup(
	db: Db,
	now: Date,
	options: { live: boolean },
	env: NodeJS.ProcessEnv = process.env
): Promise<BackupResult & { pruned: number }> {
	const dir = backupDir(env);
	const result = await createBackup({
		databasePath: databasePath(env.DATABASE_URL),
		uploadsDir: uploadsDir(env),
		outDir: dir,
		now,
		liveConnection: options.live ? db.$client : undefined
	});
	return { ...result, pruned: pruneBackups(dir, now, env) };
}
