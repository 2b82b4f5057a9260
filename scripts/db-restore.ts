/**
 * `npm run db:restore -- <archive>`: checks the archive (manifest, SHA-256 of every file, integrity check,
 * content of every table, schema not newer than this version), keeps the current database and images aside,
 * restores, migrates an older archive and prints the counts. Stop the server first.
 */
import { databasePath } from '../src/lib/server/db/index';
import { BackupError } from '../src/lib/server/backup/manifest';
import { restoreBackup } from '../src/lib/server/backup/restore-backup';
import { uploadsDir } from '../src/lib/server/uploads/uploads-dir';

const archive = process.argv.slice(2).find((a) => !a.startsWith('--'));
if (!archive) {
	console.error('Quelle archive ? npm run db:restore -- data/sauvegardes/carto-sauvegarde-2026-12-06T04-00-00Z.tar.gz');
	process.exit(2);
}
try {
	const r = await restoreBackup({ archive, databasePath: databasePath(), uploadsDir: uploadsDir() });
	console.log(`Sauvegarde du ${r.manifest.createdAt} restaurée dans ${databasePath()} (${Math.round(r.durationMs)} ms).`);
	if (r.keptAside.database) console.log(`  Base d’avant gardée de côté : ${r.keptAside.database}`);
	if (r.keptAside.uploads) console.log(`  Images d’avant gardées de côté : ${r.keptAside.uploads}`);
	if (r.migrated.length > 0) console.log(`  Archive d’une version antérieure : ${r.migrated.length} migration(s) appliquée(s) (${r.migrated.join(', ')}).`);
	console.log(
		`  ${Object.entries(r.counts)
			.map(([t, n]) => `${t} : ${n}`)
			.join(' ; ')}`
	);
} catch (e) {
	console.error(e instanceof BackupError ? e.message : `Échec de la restauration : ${(e as Error).message}`);
	process.exit(1);
}
