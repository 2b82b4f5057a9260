import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as tar from 'tar';
import { afterAll, describe, expect, it } from 'vitest';
import { appMigrations } from '../../src/lib/server/backup/schema-version';
import { tableDigests } from '../../src/lib/server/backup/table-digest';
import { openDb } from '../../src/lib/server/db/index';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** The database of the committed first-version archive, as a file an operator would have in data/. */
async function oldDatabase(): Promise<{ dir: string; path: string }> {
	const dir = mkdtempSync(join(tmpdir(), 'carto-upgrade-'));
	dirs.push(dir);
	await tar.extract({ file: resolve('tests/fixtures/backup/carto-sauvegarde-ancien-schema.tar.gz'), cwd: dir });
	const [folder] = readdirSync(dir);
	const path = join(dir, 'carto.db');
	cpSync(join(dir, folder!, 'carto.db'), path);
	return { dir, path };
}

describe('upgrades: npm start on a database from an earlier version', () => {
	it('takes a backup, then migrates it to today’s schema, keeping its rows', async () => {
		const { dir, path } = await oldDatabase();
		const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/db-prepare.ts'], {
			env: { ...process.env, DATABASE_URL: path },
			encoding: 'utf8'
		});
		expect(run.status, run.stderr).toBe(0);
		expect(run.stdout).toMatch(/Migrations à appliquer \(0002_graph_revision, .*\) : sauvegarde prise avant, .*carto-sauvegarde-.*\.tar\.gz\./);
		const backups = readdirSync(join(dir, 'sauvegardes'));
		expect(backups).toHaveLength(1);
		const db = openDb(path, { migrate: false });
		const applied = db.$client.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number };
		expect(applied.n).toBe(appMigrations().length);
		const names = db.$client.prepare("SELECT name FROM entities WHERE name LIKE '%d’avant%' ORDER BY id").all() as { name: string }[];
		expect(names.map((n) => n.name)).toEqual(['Fablab d’avant (fictif)', 'Incubateur d’avant (fictif)']);
		db.$client.close();
	}, 120_000);

	it('a migration that fails leaves the database exactly as it was (one transaction)', async () => {
		const { dir, path } = await oldDatabase();
		const before = new Database(path, { readonly: true });
		const digests = await tableDigests(before);
		before.close();
		// Today's migrations, and one more that breaks halfway: a table created, then an error.
		const folder = join(dir, 'drizzle');
		cpSync(resolve('drizzle'), folder, { recursive: true });
		const journalPath = join(folder, 'meta', '_journal.json');
		const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as {
			entries: { idx: number; when: number; tag: string; version: string; breakpoints: boolean }[];
		};
		const last = journal.entries.at(-1)!;
		journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1000, tag: '9999_cassee' });
		writeFileSync(journalPath, JSON.stringify(journal));
		writeFileSync(
			join(folder, '9999_cassee.sql'),
			'CREATE TABLE `partielle` (`id` integer);\n--> statement-breakpoint\nINSERT INTO `table_inexistante` VALUES (1);\n'
		);
		const previous = process.env.MIGRATIONS_DIR;
		process.env.MIGRATIONS_DIR = folder;
		try {
			expect(() => openDb(path)).toThrow(/table_inexistante/);
		} finally {
			if (previous === undefined) delete process.env.MIGRATIONS_DIR;
			else process.env.MIGRATIONS_DIR = previous;
		}
		const after = new Database(path, { readonly: true });
		expect(await tableDigests(after)).toEqual(digests);
		expect(after.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'partielle'").get()).toEqual({ n: 0 });
		after.close();
	}, 60_000);
});
