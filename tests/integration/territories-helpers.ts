import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, type Db } from '$lib/server/db';

/** A fresh SQLite file built by the real migrations, removed by `dispose`. */
export function tempDb(): { db: Db; dir: string; dispose: () => void } {
	const dir = mkdtempSync(join(tmpdir(), 'carto-territories-'));
	const db = openDb(join(dir, 'test.db'));
	return {
		db,
		dir,
		dispose: () => {
			db.$client.close();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}
