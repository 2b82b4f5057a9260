/**
 * Makes the database ready to serve: applies migrations, loads the embedded territories when the
 * table is empty, and the fictional demo ecosystem when there are no actors yet. Safe to run again.
 */
import { databasePath, openDb } from '../src/lib/server/db/index';
import { backupBeforeMigrating } from '../src/lib/server/backup/before-migrate';
import { prepareDatabase } from '../src/lib/server/setup/prepare';
import { countOf } from '../src/lib/domain/french/typography';
import { pointsWithoutCommune } from '../src/lib/server/repos/place-repair.repo';
import { repairPlaces } from '../src/lib/server/services/place-repair.service';

const path = databasePath();
// An upgrade's migrations change the file for good: a backup first, so `npm run db:restore` can undo them.
const before = await backupBeforeMigrating(path);
if (before) console.log(`Migrations à appliquer (${before.missing.join(', ')}) : sauvegarde prise avant, ${before.archive}.`);
const db = openDb(path);
const report = prepareDatabase(db);
console.log(
	`Base ${path} prête : ${report.territories} territoires${report.territoriesLoaded ? ' (chargés)' : ''}, ` +
		`${report.entities} acteurs${report.seeded ? ' (démo chargée)' : ''}` +
		(report.searchTextRefreshed ? ` ; texte de recherche mis à jour pour ${report.searchTextRefreshed} fiches (racines, libellés anglais).` : '.')
);
// A database with content is never changed at start-up: points stored without their commune are only pointed out.
const unplaced = pointsWithoutCommune(db).length > 0 ? repairPlaces(db, { apply: false }).located.length : 0;
if (unplaced > 0) {
	console.log(
		`${countOf(unplaced, 'fiche du territoire a un point mais pas de commune', 'fiches du territoire ont un point mais pas de commune')} (hors des comptes des territoires) : ` +
			'« npm run places:repair » dit laquelle chacune recevrait, « npm run places:repair -- --apply » l’enregistre.'
	);
}
db.$client.close();
