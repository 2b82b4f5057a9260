/**
 * `npm run db:backup [-- --out dir] [-- --prune]`: one dated archive (database copy taken with VACUUM INTO,
 * safe while the server runs; uploaded images; manifest with counts and SHA-256) into `--out`, else the
 * backup folder (CARTO_BACKUP_DIR, or `sauvegardes` beside the database). `--prune` then applies the
 * retention policy to that folder (for a system cron).
 */
import { databasePath } from '../src/lib/server/db/index';
import { backupDir } from '../src/lib/server/backup/backup-dir';
import { createBackup } from '../src/lib/server/backup/create-backup';
import { BackupError } from '../src/lib/server/backup/manifest';
import { pruneBackups } from '../src/lib/server/backup/scheduled-backup';
import { uploadsDir } from '../src/lib/server/uploads/uploads-dir';
import { countOf } from '../src/lib/domain/french/typography';
import { formatBytes, totalRows } from './lib/backup-words';

const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
if (outIndex >= 0 && !args[outIndex + 1]) {
	console.error('« --out » attend un dossier : npm run db:backup -- --out /chemin/des/sauvegardes');
	process.exit(2);
}
const outDir = outIndex >= 0 ? args[outIndex + 1]! : backupDir();
try {
	const r = await createBackup({ databasePath: databasePath(), uploadsDir: uploadsDir(), outDir });
	const tables = Object.keys(r.manifest.tables).length;
	console.log(
		`Sauvegarde écrite : ${r.archive}\n` +
			`  ${formatBytes(r.bytes)}, ${countOf(tables, 'table')}, ${countOf(totalRows(r.manifest), 'ligne')}, ${countOf(r.manifest.files.length, 'fichier')}, schéma ${r.manifest.schema.last ?? '(vide)'} ; ${Math.round(r.durationMs)} ms.`
	);
	if (args.includes('--prune')) console.log(`Sauvegardes anciennes supprimées selon la politique de conservation : ${pruneBackups(outDir, new Date())}.`);
} catch (e) {
	console.error(e instanceof BackupError ? e.message : `Échec de la sauvegarde : ${(e as Error).message}`);
	process.exit(1);
}
