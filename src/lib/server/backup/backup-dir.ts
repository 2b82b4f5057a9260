import { dirname, join, resolve } from 'node:path';
import { databasePath } from '../db';

/** Where scheduled backups go: `CARTO_BACKUP_DIR`, else a `sauvegardes` folder next to the database file. */
export function backupDir(env: NodeJS.ProcessEnv = process.env): string {
	const configured = env.CARTO_BACKUP_DIR?.trim();
	if (configured) return resolve(configured);
	const db = databasePath(env.DATABASE_URL);
	return db === ':memory:' ? resolve('data', 'sauvegardes') : join(dirname(resolve(db)), 'sauvegardes');
}
