import { statSync } from 'node:fs';
import { openDb, type Db } from '../db';

/**
 * A worker thread's connections, one per database file, kept between tasks while the file at the path is the same
 * one (a test or a bench may put a new file at a path used before), the `max` last used only.
 */
export function threadConnections(max = 4): (path: string) => Db {
	const open = new Map<string, { db: Db; file: string }>();
	return (path) => {
		const { dev, ino } = statSync(path);
		const file = `${dev}:${ino}`;
		const known = open.get(path);
		if (known?.file === file && known.db.$client.open) {
			open.delete(path);
			open.set(path, known);
			return known.db;
		}
		if (known) {
			open.delete(path);
			known.db.$client.close();
		}
		const db = openDb(path, { migrate: false });
		open.set(path, { db, file });
		for (const [oldest, entry] of open) {
			if (open.size <= max) break;
			open.delete(oldest);
			entry.db.$client.close();
		}
		return db;
	};
}
