import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A database of `scale` seeded actors in `dir` for a browser test or a bench: a copy of `CARTO_SCALE_DB` when
 * it names one (a 10k seed takes minutes on two busy cores; a copy, never the file itself), else seeded here
 * by `db:seed -- --scale N`. Returns the environment to start the app with.
 */
export function scaleDatabase(dir: string, scale: number): NodeJS.ProcessEnv {
	const path = join(dir, `scale-${scale}.db`);
	const env = { ...process.env, DATABASE_URL: path };
	const given = process.env.CARTO_SCALE_DB;
	if (given && existsSync(given)) {
		copyFileSync(given, path);
		return env;
	}
	const seeded = spawnSync('node_modules/.bin/tsx', ['scripts/db-seed.ts', '--scale', String(scale)], { env, encoding: 'utf8' });
	if (seeded.status !== 0) throw new Error(`Échec du jeu de données :\n${seeded.stdout}\n${seeded.stderr}`);
	return env;
}
