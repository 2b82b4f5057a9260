import { openDb, type Db } from './index';

let current: Db | undefined;

/** The server's single connection, opened lazily so that building the app never touches the file. */
export function getDb(): Db {
	current ??= openDb();
	return current;
}
