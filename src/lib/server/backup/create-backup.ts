import Database from 'better-sqlite3';
import { cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import * as tar from 'tar';
import { fileSha256, filesUnder } from './file-digest';
import { BackupError, DATABASE_FILE, MANIFEST_FILE, MANIFEST_FORMAT, UPLOADS_FOLDER, type BackupManifest } from './manifest';
import { appliedMigrations, appMigrations } from './schema-version';
import { tableDigests } from './table-digest';

export interface BackupOptions {
	/** The live database file. */
	databasePath: string;
	/** The uploaded images' folder (may not exist yet). */
	uploadsDir: string;
	/** Where the archive goes (created if missing). */
	outDir: string;
	now?: Date;
	/**
	 * The server's own connection, when the server backs itself up: SQLite's online backup API then copies
	 * page by page between requests, and the server's writes during the copy go into it (a write from another
	 * connection would restart it). Without it (the command line), `VACUUM INTO` takes one consistent picture
	 * from a connection of its own, whoever writes meanwhile.
	 */
	liveConnection?: Database.Database;
}

export interface BackupResult {
	archive: string;
	manifest: BackupManifest;
	bytes: number;
	durationMs: number;
}

/** « 2026-12-06T04-05-09Z »: an instant in UTC that sorts by date and holds no colon (Windows, tar). */
export function fileStamp(now: Date): string {
	return now
		.toISOString()
		.replace(/\.\d{3}Z$/, 'Z')
		.replaceAll(':', '-');
}

/** « carto-sauvegarde-2026-12-06T04-05-09Z ». */
export function backupName(now: Date): string {
	return `carto-sauvegarde-${fileStamp(now)}`;
}

/** The date an archive's name carries, or null for a file that is not one of ours. */
export function backupDate(fileName: string): Date | null {
	const m = /^carto-sauvegarde-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})Z\.tar\.gz$/.exec(fileName);
	return m ? new Date(`${m[1]}T${m[2]}:${m[3]}:${m[4]}Z`) : null;
}

/**
 * One dated archive: a consistent copy of the database, the uploaded files, and a manifest (schema version,
 * rows and a content hash per table, SHA-256 of every file). Written under a temporary name, renamed when
 * whole: an interrupted backup never leaves a file that looks complete.
 */
export async function createBackup(options: BackupOptions): Promise<BackupResult> {
	const started = performance.now();
	const now = options.now ?? new Date();
	const name = backupName(now);
	const outDir = resolve(options.outDir);
	mkdirSync(outDir, { recursive: true });
	if (!existsSync(options.databasePath)) throw new BackupError(`Base introuvable : ${options.databasePath}. Rien à sauvegarder.`);
	const work = mkdtempSync(join(outDir, '.en-cours-'));
	try {
		const folder = join(work, name);
		mkdirSync(folder);
		const copy = join(folder, DATABASE_FILE);
		if (options.liveConnection) await options.liveConnection.backup(copy);
		else {
			const source = new Database(options.databasePath, { readonly: true, fileMustExist: true });
			try {
				source.pragma('busy_timeout = 5000');
				source.prepare('VACUUM INTO ?').run(copy);
			} finally {
				source.close();
			}
		}
		const snapshot = new Database(copy, { readonly: true, fileMustExist: true });
		let tables: BackupManifest['tables'];
		let migrations: BackupManifest['schema']['migrations'];
		try {
			tables = await tableDigests(snapshot);
			migrations = appliedMigrations(snapshot, appMigrations());
		} finally {
			snapshot.close();
		}
		if (existsSync(options.uploadsDir)) cpSync(options.uploadsDir, join(folder, UPLOADS_FOLDER), { recursive: true });
		const files: BackupManifest['files'] = [];
		for (const path of filesUnder(folder, folder)) {
			const full = join(folder, path);
			files.push({ path, bytes: statSync(full).size, sha256: await fileSha256(full) });
		}
		const manifest: BackupManifest = {
			format: MANIFEST_FORMAT,
			version: 1,
			createdAt: now.toISOString(),
			method: options.liveConnection ? 'online-backup' : 'vacuum-into',
			schema: { migrations, last: migrations.at(-1)?.tag ?? null },
			tables,
			files
		};
		writeFileSync(join(folder, MANIFEST_FILE), JSON.stringify(manifest, null, '\t') + '\n');
		const partial = join(work, `${name}.tar.gz`);
		await tar.create({ gzip: true, file: partial, cwd: work, portable: true }, [name]);
		const archive = join(outDir, `${name}.tar.gz`);
		renameSync(partial, archive);
		return { archive, manifest, bytes: statSync(archive).size, durationMs: performance.now() - started };
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
}

/** The archive's folder name inside the tarball (its file name without .tar.gz). */
export function archiveFolder(archive: string): string {
	return basename(archive).replace(/\.tar\.gz$/, '');
}
