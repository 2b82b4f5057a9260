/**
 * `npm run gdpr:erase -- <slug|numéro> --yes`: removes a person for good (RGPD article 17): their listing,
 * relations, history, quotes of their name and contact details elsewhere, then vacuums the file. Without
 * --yes it only says what would go, because nothing can bring it back (save a copy of the file first).
 */
import { parseArgs } from 'node:util';
import { databasePath, openDb } from '../src/lib/server/db/index';
import { NotFoundError, ValidationError } from '../src/lib/server/services/errors';
import { compactAfterErasure, erasePerson, exportPerson } from '../src/lib/server/services/gdpr.service';

const USAGE = 'Usage : npm run gdpr:erase -- <slug ou numéro de la fiche> --yes   (ou --compact seul, pour compacter la base)';
const BUSY =
	'La base était occupée par un autre programme (le serveur ?) : arrêtez-le puis lancez « npm run gdpr:erase -- --compact » pour que rien ne reste dans le fichier.';

const { values, positionals } = parseArgs({
	args: process.argv.slice(2).filter((a) => a !== '--'),
	options: { yes: { type: 'boolean', default: false }, compact: { type: 'boolean', default: false } },
	allowPositionals: true,
	strict: false
});

if (values.compact === true && positionals.length === 0) {
	const db = openDb(databasePath());
	const done = compactAfterErasure(db);
	db.$client.close();
	console.error(done ? 'Base compactée (VACUUM) : les pages libérées ne contiennent plus rien.' : BUSY);
	process.exit(done ? 0 : 1);
}

if (positionals.length !== 1) {
	console.error(`Indiquez une seule fiche.\n${USAGE}`);
	process.exit(2);
}

const db = openDb(databasePath());
try {
	const reference = positionals[0]!;
	if (values.yes !== true) {
		const held = exportPerson(db, reference);
		console.error(
			`La fiche n° ${held.person.id} (personne), ${held.relations.length} relation(s) et ${held.revisions.person.length + held.revisions.relations.length} version(s) d'historique seraient effacées définitivement.\n` +
				`Rien n'a été modifié : relancez avec --yes pour effacer.\n${USAGE}`
		);
		process.exitCode = 2;
	} else {
		const report = erasePerson(db, reference);
		console.error(
			`Fiche n° ${report.entityId} effacée : ${report.relations} relation(s), ${report.revisions} version(s) d'historique supprimées, ` +
				`${report.scrubbedRevisions + report.scrubbedRecords} mention(s) ailleurs remplacées ; ${report.summary}${report.compacted ? ' ; base compactée (VACUUM)' : ''}.`
		);
		if (!report.compacted) {
			console.error(BUSY);
			process.exitCode = 1;
		}
		if (report.accounts > 0)
			console.error(`Attention : ${report.accounts} compte de connexion utilise la même adresse ; il n'a pas été supprimé (à faire par un administrateur).`);
	}
} catch (e) {
	if (e instanceof ValidationError || e instanceof NotFoundError) {
		console.error(`Effacement impossible : ${e instanceof ValidationError ? e.issues.join(' ; ') : e.message}\n${USAGE}`);
		process.exitCode = 2;
	} else throw e;
} finally {
	db.$client.close();
}
