import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { uploadsDir } from '../uploads/uploads-dir';
import { backupDir } from './backup-dir';
import { createBackup, type BackupResult } from './create-backup';
import { appliedMigrations, compareSchema } from './schema-version';

/**
 * A migration changes the file for good: when the database has migrations to apply (and holds anything),
 * a backup is taken first, so an upgrade that goes wrong can be undone with `npm run db:restore`.
 */
export async function backupBeforeMigrating(path: string, env: NodeJS.ProcessEnv = process.env): Promise<(BackupResult & { missing: string[] }) | null> {
	if (path === ':memory:' || !existsSync(path)) return null;
	const client = new Database(path, { readonly: true, fileMustExist: true });
	let missing: string[];
	try {
		const applied = appliedMigrations(client);
		if (applied.length === 0) return null;
		const schema = compareSchema(applied);
		if (schema.status !== 'older') return null;
		missing = schema.missing;
	} finally {
		client.close();
	}
	const result = await createBackup({ databasePath: path, uploadsDir: uploadsDir(env), outDir: backupDir(env) });
	return { ...result, missing };
}
