/**
 * `npm run places:repair [-- --apply]`: listings stored with a point but no commune (imported before the
 * importer located points in the commune outlines) get the commune whose official outline holds their
 * point. Dry run by default: says what would change; --apply writes it through the single write path (one
 * revision per listing, undoable from its history). Needs the commune outlines in the territories table.
 * Exit code: 0 done (or nothing to do), 1 points left without a commune, 2 bad arguments.
 */
import { parseArgs } from 'node:util';
import { byCount, countOf } from '../src/lib/domain/french/typography';
import { databasePath, openDb } from '../src/lib/server/db/index';
import { repairPlaces } from '../src/lib/server/services/place-repair.service';

const USAGE = 'Usage : npm run places:repair [-- --apply]   (sans --apply : essai à blanc, rien n’est écrit)';

let apply = false;
try {
	apply =
		parseArgs({ args: process.argv.slice(2).filter((a) => a !== '--'), options: { apply: { type: 'boolean', default: false } }, strict: true }).values.apply ??
		false;
} catch (e) {
	console.error(`${(e as Error).message}\n${USAGE}`);
	process.exit(2);
}

const db = openDb(databasePath());
try {
	const report = repairPlaces(db, { apply });
	const point = (p: { lat: number; lon: number }) => `${p.lat.toFixed(5)} ; ${p.lon.toFixed(5)}`;
	if (report.outlines === 0) console.log('Aucun contour de commune dans la base : chargez-les d’abord (npm run territories:import -- <dossier des contours>).');
	for (const l of report.located) console.log(`  ${l.name} (${l.slug}) : ${point(l)} → ${l.communeName} (${l.communeCode})`);
	for (const u of report.unlocated) console.log(`  ${u.name} (${u.slug}) : ${point(u)} → aucun contour de commune ne contient ce point`);
	const n = report.located.length;
	console.log(
		report.applied
			? `${countOf(n, 'fiche a reçu sa commune d’après ses coordonnées', 'fiches ont reçu leur commune d’après leurs coordonnées')} (une révision par fiche, dans son historique).`
			: n
				? `${countOf(n, 'fiche recevrait sa commune d’après ses coordonnées', 'fiches recevraient leur commune d’après leurs coordonnées')} : relancez avec --apply pour l’écrire.`
				: 'Aucune fiche à réparer : chaque point du territoire a sa commune.'
	);
	if (report.outside.length)
		console.log(`${countOf(report.outside.length, 'point')} hors du territoire, ${byCount(report.outside.length, 'laissé tel quel', 'laissés tels quels')}.`);
	if (report.unlocated.length) {
		console.log(`${countOf(report.unlocated.length, 'point')} du territoire sans commune trouvée.`);
		process.exitCode = 1;
	}
} finally {
	db.$client.close();
}
