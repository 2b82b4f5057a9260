/**
 * `npm run import -- <fichier> [--dry-run] [--mapping correspondance.json] [--lenient] [--sans-lieu] [--as "Nom"]`
 *
 * Imports a CSV (as spreadsheets export it), a GeoJSON of points or the site's own JSON export, through
 * the same service as the /admin/import page: dry run, report with spreadsheet row numbers, then (without
 * --dry-run) the commit, all or nothing, recorded as one import job that /admin/import can undo.
 *
 * --mapping: a JSON file, either { "Nom du lieu": "name", "Ville": "commune", "Colonne inutile": null }
 * or { "columns": {…}, "defaults": { "category": "coworking" }, "values": { "category": { "Café-librairie": "coworking" } },
 * "strict": true }.
 * --sans-lieu: rows with no commune, postcode or coordinates are created without a place (otherwise errors).
 * Rows of other territories (a point, postcode or INSEE code outside CARTO_DEPARTEMENTS) are ignored and counted.
 * Progress lines go to stderr, the report to stdout. Exit code 1 when the file has errors (strict mode).
 */
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { databasePath, openDb } from '../src/lib/server/db/index';
import { geocoderFromEnv } from '../src/lib/server/geocode/index';
import type { ImportPlan, ImportProgress } from '../src/lib/server/import/plan';
import { problemCodeLabels } from '../src/lib/import/problems';
import { PLACEMENTS, placementSentence, rowNumbers } from '../src/lib/import/placement-words';
import { capitalise } from '../src/lib/domain/french/typography';
import { NotFoundError, ValidationError } from '../src/lib/server/services/errors';
import { commitImport, previewImport } from '../src/lib/server/services/import.service';

const USAGE = 'Usage : npm run import -- <fichier.csv|.geojson|.json> [--dry-run] [--mapping correspondance.json] [--lenient] [--sans-lieu] [--as "Nom"] [--all]';

const { values, positionals } = parseArgs({
	args: process.argv.slice(2).filter((a) => a !== '--'),
	options: {
		'dry-run': { type: 'boolean', default: false },
		mapping: { type: 'string' },
		lenient: { type: 'boolean', default: false },
		as: { type: 'string' },
		all: { type: 'boolean', default: false },
		// « Sans lieu »: a row with no commune, postcode or coordinates is created without a place instead of being an error.
		'sans-lieu': { type: 'boolean', default: false }
	},
	allowPositionals: true,
	strict: true
});

function fail(message: string, code = 2): never {
	console.error(`${message}\n${USAGE}`);
	process.exit(code);
}

if (positionals.length !== 1) fail('Indiquez un seul fichier à importer.');
const file = positionals[0]!;

function readJson(path: string): unknown {
	try {
		return JSON.parse(readFileSync(path, 'utf8'));
	} catch (e) {
		fail(`Fichier de correspondance illisible (${path}) : ${(e as Error).message}`);
	}
}

function settingsFrom(path: string | undefined): Record<string, unknown> {
	const strict = !values.lenient;
	const placeless = values['sans-lieu'];
	if (!path) return { strict, placeless };
	const raw = readJson(path);
	if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) fail('Fichier de correspondance : un objet JSON est attendu.');
	const o = raw as Record<string, unknown>;
	return 'columns' in o
		? { mapping: o.columns, defaults: o.defaults, values: o.values, strict: values.lenient ? false : (o.strict ?? strict), placeless: placeless || o.placeless === true }
		: { mapping: o, strict, placeless };
}

let bytes: Uint8Array;
try {
	bytes = readFileSync(file);
} catch (e) {
	fail(`Fichier introuvable ou illisible : ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
}

let lastLine = '';
let lastAt = 0;
function progress(p: ImportProgress) {
	const now = Date.now();
	const line = p.total > 1 ? `${p.message} : ${p.done}/${p.total}` : p.message;
	// One line per phase change, and at most two per second within a phase, so logs stay readable.
	if (line === lastLine || (now - lastAt < 500 && p.done !== p.total && line.split(':')[0] === lastLine.split(':')[0])) return;
	lastLine = line;
	lastAt = now;
	console.error(`[import] ${line}`);
}

function printReport(plan: ImportPlan) {
	const c = plan.counts;
	console.log(`Fichier ${basename(file)} : ${plan.format.toUpperCase()}${plan.encoding ? `, ${plan.encoding}` : ''}${plan.delimiter ? `, séparateur « ${plan.delimiter === '\t' ? 'tabulation' : plan.delimiter} »` : ''}`);
	if (plan.headers.length) {
		console.log('Colonnes :');
		for (const h of plan.headers) console.log(`  ${h} → ${plan.mapping[h] ?? '(ignorée)'}`);
	}
	console.log(`${c.rows} ligne(s) : ${c.create} à créer, ${c.update} à mettre à jour, ${c.skip} ignorée(s), ${c.error} en erreur ; ${c.errors} erreur(s), ${c.warnings} avertissement(s)${c.geocoded ? ` ; ${c.geocoded} adresse(s) géocodée(s)` : ''}`);
	for (const u of plan.unknownValues) {
		console.log(`Catégorie inconnue « ${u.value} » : ${u.count} ligne(s) (${u.rows.join(', ')}${u.count > u.rows.length ? '…' : ''}) ; choisissez-en une dans --mapping : "values": { "category": { "${u.value}": "coworking" } }`);
	}
	for (const place of PLACEMENTS) {
		const rows = plan.placement[place];
		if (rows.length) console.log(`${capitalise(placementSentence(place, rows.length))} : ${rowNumbers(rows, values.all ? Infinity : 30)}`);
	}
	if (c.relationsCreate || c.relationsSkip) console.log(`Relations : ${c.relationsCreate} à créer, ${c.relationsSkip} déjà présentes ou ignorées`);
	const shown = values.all ? plan.problems : plan.problems.slice(0, 50);
	for (const p of shown) {
		const link = p.link ? ` → ${p.link.href}` : '';
		console.log(`  ligne ${p.row}${p.column ? `, colonne « ${p.column} »` : ''} : ${p.severity === 'error' ? 'ERREUR' : 'avertissement'} (${problemCodeLabels[p.code].toLowerCase()}) : ${p.message}${link}`);
	}
	if (shown.length < plan.problems.length) console.log(`  … et ${plan.problems.length - shown.length} autre(s) (--all pour tout voir)`);
}

const db = openDb(databasePath());
const actor = { cli: values.as?.trim() || `ligne de commande (${userInfo().username})` };
try {
	const started = performance.now();
	const { job, plan } = await previewImport(db, actor, { name: basename(file), bytes }, settingsFrom(values.mapping), { geocoder: geocoderFromEnv(), onProgress: progress });
	printReport(plan);
	if (values['dry-run']) {
		console.log(`Essai à blanc n° ${job.id} : rien n'a été écrit.`);
		if (job.strict && plan.counts.error > 0) process.exitCode = 1;
	} else {
		const { job: done, changes } = await commitImport(db, actor, job.id, { onProgress: progress });
		const seconds = ((performance.now() - started) / 1000).toFixed(1);
		console.log(
			`Import n° ${done.id} validé en ${seconds} s : ${changes.createdEntityIds.length} fiche(s) créée(s), ${changes.updatedEntities.length} mise(s) à jour, ${changes.createdRelationIds.length} relation(s) créée(s). Annulable depuis /admin/import/${done.id}.`
		);
	}
} catch (e) {
	if (e instanceof ValidationError || e instanceof NotFoundError) {
		console.error(`Import impossible : ${e instanceof ValidationError ? e.issues.join('\n  ') : e.message}`);
		process.exitCode = 1;
	} else throw e;
} finally {
	db.$client.close();
}
