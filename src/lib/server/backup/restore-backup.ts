import Database from 'better-sqlite3';
import { copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import * as tar from 'tar';
import { openDb } from '../db';
import { fileStamp } from './create-backup';
import { fileSha256, filesUnder } from './file-digest';
import { BackupError, DATABASE_FILE, MANIFEST_FILE, UPLOADS_FOLDER, manifestSchema, type BackupManifest } from './manifest';
import { appliedMigrations, appMigrations, compareSchema } from './schema-version';
import { tableDigests } from './table-digest';

export interface RestoreOptions {
	archive: string;
	databasePath: string;
	uploadsDir: string;
	now?: Date;
}

export interface RestoreReport {
	manifest: BackupManifest;
	/** Where the database and images in place before the restore were kept (null when there were none). */
	keptAside: { database: string | null; uploads: string | null };
	/** Migrations applied after the restore (the archive came from an older version). */
	migrated: string[];
	counts: Record<string, number>;
	durationMs: number;
}

const SIDE_FILES = ['', '-wal', '-shm'];

/** The archive opened and checked: manifest, every file's SHA-256, SQLite's integrity check, every table's content. */
async function checkedArchive(archive: string, into: string): Promise<{ folder: string; manifest: BackupManifest }> {
	if (!existsSync(archive)) throw new BackupError(`Archive introuvable : ${archive}.`);
	try {
		await tar.extract({ file: archive, cwd: into, strict: true, preservePaths: false });
	} catch (e) {
		throw new BackupError(`Archive illisible (${(e as Error).message}) : ce n’est pas une sauvegarde complète de Connecteur Carto.`);
	}
	const entries = readdirSync(into);
	if (entries.length !== 1) throw new BackupError('Archive inattendue : elle devrait contenir un seul dossier de sauvegarde.');
	const folder = join(into, entries[0]!);
	const manifestPath = join(folder, MANIFEST_FILE);
	if (!existsSync(manifestPath)) throw new BackupError(`Archive incomplète : pas de ${MANIFEST_FILE}.`);
	let manifest: BackupManifest;
	try {
		manifest = manifestSchema.parse(JSON.parse(readFileSync(manifestPath, 'utf8')));
	} catch {
		throw new BackupError(`Manifeste illisible (${MANIFEST_FILE}) : l’archive n’est pas une sauvegarde de Connecteur Carto ou elle est abîmée.`);
	}
	const listed = new Set(manifest.files.map((f) => f.path));
	const present = filesUnder(folder, folder).filter((p) => p !== MANIFEST_FILE);
	const extra = present.filter((p) => !listed.has(p));
	if (extra.length > 0) throw new BackupError(`Archive altérée : ${extra.length} fichier(s) absent(s) du manifeste (${extra.slice(0, 3).join(', ')}).`);
	for (const file of manifest.files) {
		const path = join(folder, file.path);
		if (!existsSync(path)) throw new BackupError(`Archive incomplète : ${file.path} manque.`);
		if ((await fileSha256(path)) !== file.sha256)
			throw new BackupError(`Archive corrompue : l’empreinte SHA-256 de ${file.path} ne correspond pas au manifeste.`);
	}
	if (!listed.has(DATABASE_FILE)) throw new BackupError(`Archive incomplète : pas de ${DATABASE_FILE}.`);
	const copy = new Database(join(folder, DATABASE_FILE), { readonly: true, fileMustExist: true });
	try {
		const integrity = copy.pragma('integrity_check', { simple: true });
		if (integrity !== 'ok') throw new BackupError(`Base de la sauvegarde abîmée (PRAGMA integrity_check : ${String(integrity)}).`);
		const schema = compareSchema(appliedMigrations(copy));
		if (schema.status === 'newer')
			throw new BackupError(
				`Cette sauvegarde vient d’une version plus récente de l’application (migration inconnue ici : ${schema.unknown.map((m) => m.tag ?? m.when).join(', ')}). ` +
					'Mettez l’application à jour, puis restaurez.'
			);
		const digests = await tableDigests(copy);
		const differing = Object.keys({ ...digests, ...manifest.tables }).filter(
			(t) => digests[t]?.sha256 !== manifest.tables[t]?.sha256 || digests[t]?.rows !== manifest.tables[t]?.rows
		);
		if (differing.length > 0) throw new BackupError(`Archive incohérente : le contenu de ${differing.slice(0, 3).join(', ')} ne correspond pas au manifeste.`);
	} finally {
		copy.close();
	}
	return { folder, manifest };
}

/**
 * Puts an archive back in place of the current database and images, which are kept aside (renamed, never
 * deleted). Everything is checked before anything moves; if the copy fails, the files kept aside come back.
 * An archive from an older version is migrated; one from a newer version is refused. The server must be
 * stopped: a running server keeps the old file open.
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreReport> {
	const started = performance.now();
	const now = options.now ?? new Date();
	const databasePath = resolve(options.databasePath);
	const work = mkdtempSync(join(dirname(databasePath), '.restauration-'));
	try {
		const { folder, manifest } = await checkedArchive(resolve(options.archive), work);
		const suffix = `.avant-restauration-${fileStamp(now)}`;
		const aside: { database: string | null; uploads: string | null } = { database: null, uploads: null };
		const moved: [string, string][] = [];
		try {
			if (existsSync(databasePath)) {
				// The WAL's committed pages go into the file first, so the copy kept aside is whole by itself.
				const current = new Database(databasePath, { fileMustExist: true });
				current.pragma('wal_checkpoint(TRUNCATE)');
				current.close();
				for (const side of SIDE_FILES) {
					if (!existsSync(databasePath + side)) continue;
					renameSync(databasePath + side, databasePath + suffix + side);
					moved.push([databasePath + suffix + side, databasePath + side]);
				}
				aside.database = databasePath + suffix;
			}
			if (existsSync(options.uploadsDir)) {
				renameSync(options.uploadsDir, options.uploadsDir + suffix);
				moved.push([options.uploadsDir + suffix, options.uploadsDir]);
				aside.uploads = options.uploadsDir + suffix;
			}
			copyFileSync(join(folder, DATABASE_FILE), databasePath);
			if (existsSync(join(folder, UPLOADS_FOLDER))) cpSync(join(folder, UPLOADS_FOLDER), options.uploadsDir, { recursive: true });
		} catch (e) {
			for (const side of SIDE_FILES) rmSync(databasePath + side, { force: true });
			rmSync(options.uploadsDir, { recursive: true, force: true });
			for (const [from, to] of moved.reverse()) renameSync(from, to);
			throw new BackupError(`Restauration interrompue (${(e as Error).message}) : la base et les images d’avant sont remises en place.`);
		}
		const before = compareSchema(manifest.schema.migrations, appMigrations());
		const db = openDb(databasePath);
		try {
			const counts: Record<string, number> = {};
			for (const table of ['entities', 'relations', 'users', 'revisions', 'import_jobs']) {
				const exists = db.$client.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table);
				if (exists) counts[table] = (db.$client.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
			}
			return { manifest, keptAside: aside, migrated: before.status === 'older' ? before.missing : [], counts, durationMs: performance.now() - started };
		} finally {
			db.$client.close();
		}
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
}
