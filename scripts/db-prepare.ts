/**
 * Makes the database ready to serve: applies migrations, loads the embedded territories when the
 * table is empty, and the fictional demo ecosystem when there are no actors yet. Safe to run again.
 */
import { databasePath, openDb } from '../src/lib/server/db/index';
import { prepareDatabase } from '../src/lib/server/db/prepare';

const path = databasePath();
const db = openDb(path);
const report = prepareDatabase(db);
console.log(
	`Base ${path} prête : ${report.territories} territoires${report.territoriesLoaded ? ' (chargés)' : ''}, ` +
		`${report.entities} acteurs${report.seeded ? ' (démo chargée)' : ''}.`
);
db.$client.close();
