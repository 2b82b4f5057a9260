import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import * as schema from './schema';
import { foldAccents } from '$lib/domain/fold';
import { fillMissingMatchKeys } from '../repos/match-keys';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const DEFAULT_DATABASE_URL = 'data/carto.db';

/** The migrations folder ships next to the build; MIGRATIONS_DIR overrides it for unusual layouts. */
export function migrationsFolder(): string {
	return resolve(process.env.MIGRATIONS_DIR ?? 'drizzle');
}

export function databasePath(url = process.env.DATABASE_URL): string {
	const path = url && url.length > 0 ? url : DEFAULT_DATABASE_URL;
	return path.startsWith('file:') ? path.slice('file:'.length) : path;
}

/** « Saint-Éloy-les-Mines » → « saint-eloy-les-mines »: the key French alphabetical order compares first. */
export function frenchSortKey(text: string): string {
	return foldAccents(text);
}

/** Opens (and creates) the SQLite file with the pragmas every connection needs, then migrates it. */
export function openDb(path = databasePath(), options: { migrate?: boolean } = {}): Db {
	if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
	const client = new Database(path);
	client.pragma('journal_mode = WAL');
	client.pragma('synchronous = FULL');
	client.pragma('foreign_keys = ON');
	client.pragma('busy_timeout = 5000');
	// SQLite sorts bytes: « Saint-Éloy » after « Saint-Floret », « École » after « Zénith ». ORDER BY fr_sort(x)
	// sorts as a French reader does (accents and case ignored first).
	client.function('fr_sort', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? frenchSortKey(text) : text));
	const db = drizzle(client, { schema }) as Db;
	if (options.migrate !== false) {
		migrate(db, { migrationsFolder: migrationsFolder() });
		// Keys a migration cannot compute in SQL (accents folded in JavaScript): once, for rows that predate them.
		fillMissingMatchKeys(db);
	}
	return db;
}
