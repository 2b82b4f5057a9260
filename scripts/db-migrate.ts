/** `npm run db:migrate`: applies the pending migrations, after a backup of the database when there are any. */
import { backupBeforeMigrating } from '../src/lib/server/backup/before-migrate';
import { databasePath, openDb } from '../src/lib/server/db/index';

const path = databasePath();
const before = await backupBeforeMigrating(path);
if (before) console.log(`Sauvegarde prise avant les migrations (${before.missing.join(', ')}) : ${before.archive}.`);
openDb(path).$client.close();
console.log(`Migrations appliquées à ${path}.`);
