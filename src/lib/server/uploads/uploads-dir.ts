import { dirname, join, resolve } from 'node:path';
import { databasePath } from '../db';

/**
 * Where uploaded images live: `CARTO_UPLOADS_DIR`, else an `uploads` folder next to the database file, so
 * that backing up the database's folder backs up its images too.
 */
export function uploadsDir(env: NodeJS.ProcessEnv = process.env): string {
	const configured = env.CARTO_UPLOADS_DIR?.trim();
	if (configured) return resolve(configured);
	const db = databasePath(env.DATABASE_URL);
	// An in-memory database has no folder: the working directory's data/ folder stands in.
	return db === ':memory:' ? resolve('data', 'uploads') : join(dirname(resolve(db)), 'uploads');
}
