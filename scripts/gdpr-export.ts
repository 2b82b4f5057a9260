/**
 * `npm run gdpr:export -- <slug|numéro> [--out fichier.json]`: everything held about a person (their
 * listing with private fields, relations, history, pending changes, manager links), as JSON, for the
 * person who asked (RGPD article 15). Written to stdout unless --out is given.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { databasePath, openDb } from '../src/lib/server/db/index';
import { NotFoundError, ValidationError } from '../src/lib/server/services/errors';
import { exportPerson } from '../src/lib/server/services/gdpr.service';

const USAGE = 'Usage : npm run gdpr:export -- <slug ou numéro de la fiche> [--out fichier.json]';

const { values, positionals } = parseArgs({
	args: process.argv.slice(2).filter((a) => a !== '--'),
	options: { out: { type: 'string' } },
	allowPositionals: true,
	strict: false
});

if (positionals.length !== 1) {
	console.error(`Indiquez une seule fiche.\n${USAGE}`);
	process.exit(2);
}

const db = openDb(databasePath());
try {
	const data = JSON.stringify(exportPerson(db, positionals[0]!), null, 2);
	if (typeof values.out === 'string') {
		writeFileSync(values.out, data + '\n');
		console.error(`Export écrit dans ${values.out}.`);
	} else console.log(data);
} catch (e) {
	if (e instanceof ValidationError || e instanceof NotFoundError) {
		console.error(`Export impossible : ${e instanceof ValidationError ? e.issues.join(' ; ') : e.message}\n${USAGE}`);
		process.exitCode = 2;
	} else throw e;
} finally {
	db.$client.close();
}
