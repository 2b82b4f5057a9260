import { openDb, type Db } from './index';

let current: Db | undefined;

/** The server's single connection, opened lazily so that building the app never touches the file. */
export function getDb(): Db {
	current ??= openDb();
	return current;
}

/**
 * At shutdown, once the last request is answered: the WAL's pages go into the file (a copy of the file alone
 * is then whole) and the connection closes. Safe to call twice.
 */
export function closeDb(): void {
	if (!current) return;
	const client = current.$client;
	current = undefined;
	if (!client.open) return;
	client.pragma('wal_checkpoint(TRUNCATE)');
	client.close();
}
