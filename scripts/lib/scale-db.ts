import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What a seeded database depends on: the migrations and the seed's code. A change to either seeds anew. */
function seedKey(): string {
	const hash = createHash('sha256').update(readFileSync('drizzle/meta/_journal.json'));
	const seedDir = 'src/lib/server/seed';
	for (const f of readdirSync(seedDir).sort()) hash.update(f).update(readFileSync(join(seedDir, f)));
	return hash.digest('hex').slice(0, 12);
}

/**
 * A database of `scale` seeded actors in `dir` for a browser test or a bench: a copy of `CARTO_SCALE_DB` when
 * it names one (a 10k seed takes minutes on two busy cores; a copy, never the file itself), else a copy of the
 * one an earlier test of this run seeded (kept in the temporary directory, keyed by the migrations and the
 * seed's code), else seeded here by `db:seed -- --scale N`. Returns the environment to start the app with.
 */
export function scaleDatabase(dir: string, scale: number): NodeJS.ProcessEnv {
	const path = join(dir, `scale-${scale}.db`);
	const env = { ...process.env, DATABASE_URL: path };
	const given = process.env.CARTO_SCALE_DB;
	if (given && existsSync(given)) {
		copyFileSync(given, path);
		return env;
	}
	const cacheDir = join(tmpdir(), 'carto-scale-seeds');
	const cached = join(cacheDir, `scale-${scale}-${seedKey()}.db`);
	if (existsSync(cached)) {
		copyFileSync(cached, path);
		return env;
	}
	const seeded = spawnSync('node_modules/.bin/tsx', ['scripts/db-seed.ts', '--scale', String(scale)], { env, encoding: 'utf8' });
	if (seeded.status !== 0) throw new Error(`Échec du jeu de données :\n${seeded.stdout}\n${seeded.stderr}`);
	// The seed closed its connection (no -wal left): the file alone is the database.
	mkdirSync(cacheDir, { recursive: true });
	const partial = `${cached}.${process.pid}.tmp`;
	copyFileSync(path, partial);
	renameSync(partial, cached);
	return env;
}
