import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as tar from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../src/lib/server/db/index';
import { createBackup } from '../../src/lib/server/backup/create-backup';
import { BackupError, manifestSchema } from '../../src/lib/server/backup/manifest';
import { restoreBackup } from '../../src/lib/server/backup/restore-backup';
import { appMigrations } from '../../src/lib/server/backup/schema-version';
import { tableDigests } from '../../src/lib/server/backup/table-digest';
import { createEntity } from '../../src/lib/server/services/entity-write.service';
import { loadTerritories } from '../../src/lib/server/territories/territory-loader';
import { seedDemo } from '../../src/lib/server/seed/index';

let dir: string;
let livePath: string;
let uploads: string;
let db: Db;

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'carto-backup-'));
	livePath = join(dir, 'carto.db');
	uploads = join(dir, 'uploads');
	db = openDb(livePath);
	loadTerritories(db);
	seedDemo(db);
	// An uploaded image, as listing-image stores them: a backup carries it and its SHA-256.
	mkdirSync(join(uploads, 'ab'), { recursive: true });
	writeFileSync(join(uploads, 'ab', 'abcdef-640.webp'), Buffer.from('RIFF0000WEBPVP8 image de démonstration'));
});
afterAll(() => {
	db.$client.close();
	rmSync(dir, { recursive: true, force: true });
});

/** The writer in its own process; resolves with the ids it has acknowledged so far, on demand. */
function startWriter(path: string): { child: ChildProcess; acked: number[]; ready: Promise<void>; stop: () => Promise<void> } {
	const child = spawn(process.execPath, ['--import', 'tsx', resolve('tests/integration/backup-writer.ts'), path], { stdio: ['ignore', 'pipe', 'inherit'] });
	const acked: number[] = [];
	let started: () => void;
	const ready = new Promise<void>((r) => (started = r));
	createInterface({ input: child.stdout! }).on('line', (line) => {
		const m = /^ack (\d+)$/.exec(line);
		if (m) acked.push(Number(m[1]));
		if (acked.length === 20) started();
	});
	const stop = () => new Promise<void>((r) => (child.once('exit', () => r()), child.kill('SIGTERM')));
	return { child, acked, ready, stop };
}

function restoreTarget(): { path: string; uploads: string } {
	const target = mkdtempSync(join(dir, 'restaure-'));
	return { path: join(target, 'carto.db'), uploads: join(target, 'uploads') };
}

function idsIn(path: string, prefix: string): number[] {
	const copy = new Database(path, { readonly: true });
	const rows = copy.prepare('SELECT id FROM entities WHERE slug LIKE ? ORDER BY id').all(`${prefix}%`) as { id: number }[];
	copy.close();
	return rows.map((r) => r.id);
}

describe('npm run db:backup / db:restore', () => {
	it('backs up while another process writes, and the restore is exactly the copy: counts and a content hash per table', async () => {
		const writer = startWriter(livePath);
		await writer.ready;
		const backup = await createBackup({ databasePath: livePath, uploadsDir: uploads, outDir: join(dir, 'sauvegardes') });
		const ackedWhenDone = [...writer.acked];
		await writer.stop();
		expect(backup.manifest.method).toBe('vacuum-into');
		expect(backup.manifest.schema.last).toBe(appMigrations().at(-1)!.tag);
		expect(backup.manifest.files.map((f) => f.path)).toEqual(['carto.db', 'uploads/ab/abcdef-640.webp']);

		const target = restoreTarget();
		const report = await restoreBackup({ archive: backup.archive, databasePath: target.path, uploadsDir: target.uploads });
		expect(report.migrated).toEqual([]);
		expect(report.keptAside).toEqual({ database: null, uploads: null });
		const restored = new Database(target.path, { readonly: true });
		expect(restored.pragma('integrity_check', { simple: true })).toBe('ok');
		expect(await tableDigests(restored)).toEqual(backup.manifest.tables);
		restored.close();
		expect(report.counts.entities).toBe(backup.manifest.tables.entities!.rows);
		expect(readFileSync(join(target.uploads, 'ab', 'abcdef-640.webp'), 'utf8')).toContain('image de démonstration');

		// One moment's picture: the writes it holds are the first ones acknowledged, with no gap, each with its revision.
		const written = idsIn(target.path, 'ecrite-pendant-la-sauvegarde-');
		expect(written.length).toBeGreaterThan(0);
		expect(written).toEqual(writer.acked.slice(0, written.length));
		expect(written.length).toBeLessThanOrEqual(ackedWhenDone.length);
		const check = new Database(target.path, { readonly: true });
		const orphans = check
			.prepare("SELECT count(*) AS n FROM entities e WHERE NOT EXISTS (SELECT 1 FROM revisions r WHERE r.subject_kind = 'entity' AND r.subject_id = e.id)")
			.get() as { n: number };
		check.close();
		expect(orphans.n).toBe(0);
	}, 120_000);

	it('the server backs itself up through its own connection while it keeps writing (online backup)', async () => {
		let writes = 0;
		let going = true;
		const loop = () => {
			if (!going) return;
			createEntity(db, { slug: `ecrite-par-le-serveur-${++writes}`, kind: 'organisation', category: 'company', name: `Écrite par le serveur ${writes}` });
			setImmediate(loop);
		};
		loop();
		const backup = await createBackup({ databasePath: livePath, uploadsDir: uploads, outDir: join(dir, 'sauvegardes'), liveConnection: db.$client });
		going = false;
		expect(backup.manifest.method).toBe('online-backup');
		const target = restoreTarget();
		await restoreBackup({ archive: backup.archive, databasePath: target.path, uploadsDir: target.uploads });
		const restored = new Database(target.path, { readonly: true });
		expect(restored.pragma('integrity_check', { simple: true })).toBe('ok');
		expect(await tableDigests(restored)).toEqual(backup.manifest.tables);
		restored.close();
	}, 120_000);

	it('keeps the database in place aside, restores over it, and says where it went', async () => {
		const backup = await createBackup({ databasePath: livePath, uploadsDir: uploads, outDir: join(dir, 'sauvegardes') });
		const target = restoreTarget();
		const other = openDb(target.path);
		createEntity(other, { slug: 'seulement-dans-la-base-remplacee', kind: 'organisation', category: 'company', name: 'Seulement dans la base remplacée' });
		other.$client.close();
		const report = await restoreBackup({ archive: backup.archive, databasePath: target.path, uploadsDir: target.uploads });
		expect(report.keptAside.database).toMatch(/carto\.db\.avant-restauration-/);
		expect(idsIn(report.keptAside.database!, 'seulement-dans-la-base-remplacee')).toHaveLength(1);
		expect(idsIn(target.path, 'seulement-dans-la-base-remplacee')).toHaveLength(0);
	}, 60_000);

	it('refuses a corrupt archive, a tampered file and a newer schema in French, and changes nothing', async () => {
		const backup = await createBackup({ databasePath: livePath, uploadsDir: uploads, outDir: join(dir, 'sauvegardes') });
		const target = restoreTarget();
		const untouched = openDb(target.path);
		untouched.$client.close();
		const before = readFileSync(target.path);
		const refused = async (archive: string, message: RegExp) => {
			const error = await restoreBackup({ archive, databasePath: target.path, uploadsDir: target.uploads }).catch((e: unknown) => e);
			expect(error).toBeInstanceOf(BackupError);
			expect((error as Error).message).toMatch(message);
			expect(readFileSync(target.path).equals(before)).toBe(true);
			expect(readdirSync(join(target.path, '..')).filter((f) => f.includes('avant-restauration'))).toEqual([]);
		};

		// Bytes damaged in transit: the gzip stream no longer reads.
		const damaged = join(dir, 'abimee.tar.gz');
		const bytes = readFileSync(backup.archive);
		for (let i = 2000; i < 2100; i++) bytes[i] = bytes[i]! ^ 0xff;
		writeFileSync(damaged, bytes);
		await refused(damaged, /^Archive (illisible|corrompue)/);

		// A file changed inside a well-formed archive: its SHA-256 no longer matches the manifest.
		const unpacked = mkdtempSync(join(dir, 'ouverte-'));
		await tar.extract({ file: backup.archive, cwd: unpacked });
		const [folder] = readdirSync(unpacked);
		writeFileSync(join(unpacked, folder!, 'uploads', 'ab', 'abcdef-640.webp'), 'autre chose');
		const tampered = join(dir, 'alteree.tar.gz');
		await tar.create({ gzip: true, file: tampered, cwd: unpacked }, [folder!]);
		await refused(tampered, /^Archive corrompue : l’empreinte SHA-256 de uploads\/ab\/abcdef-640\.webp/);

		// A database from a later version of the application (a migration this one does not know).
		const newer = mkdtempSync(join(dir, 'plus-recente-'));
		await tar.extract({ file: backup.archive, cwd: newer });
		const newerFolder = join(newer, folder!);
		const newerDb = new Database(join(newerFolder, 'carto.db'));
		newerDb.prepare("INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('future', 4102444800000)").run();
		newerDb.close();
		const manifest = manifestSchema.parse(JSON.parse(readFileSync(join(newerFolder, 'manifest.json'), 'utf8')));
		const { createHash } = await import('node:crypto');
		const dbFile = manifest.files.find((f) => f.path === 'carto.db')!;
		const dbBytes = readFileSync(join(newerFolder, 'carto.db'));
		dbFile.sha256 = createHash('sha256').update(dbBytes).digest('hex');
		dbFile.bytes = dbBytes.length;
		writeFileSync(join(newerFolder, 'manifest.json'), JSON.stringify(manifest));
		const newerArchive = join(dir, 'plus-recente.tar.gz');
		await tar.create({ gzip: true, file: newerArchive, cwd: newer }, [folder!]);
		await refused(newerArchive, /^Cette sauvegarde vient d’une version plus récente de l’application/);

		await refused(join(dir, 'absente.tar.gz'), /^Archive introuvable/);
	}, 60_000);

	it('restores an archive made by the first version (two migrations) and migrates it to today’s schema', async () => {
		const fixture = resolve('tests/fixtures/backup/carto-sauvegarde-ancien-schema.tar.gz');
		const target = restoreTarget();
		const report = await restoreBackup({ archive: fixture, databasePath: target.path, uploadsDir: target.uploads });
		expect(report.manifest.schema.last).toBe('0001_search_index');
		expect(report.migrated).toEqual(
			appMigrations()
				.slice(2)
				.map((m) => m.tag)
		);
		expect(report.counts).toMatchObject({ entities: 3, relations: 1 });
		const upgraded = openDb(target.path);
		const names = upgraded.$client.prepare('SELECT name FROM entities ORDER BY id').all() as { name: string }[];
		expect(names.map((n) => n.name)).toEqual(['Fablab d’avant (fictif)', 'Incubateur d’avant (fictif)', 'Porteuse de projet (fictive)']);
		upgraded.$client.close();
		expect(existsSync(target.uploads)).toBe(false);
	}, 60_000);
});
