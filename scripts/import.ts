/**
 * `npm run import -- <fichier> [--dry-run] [--mapping correspondance.json] [--lenient] [--sans-lieu] [--as "Nom"]`
 *
 * Imports a CSV (as spreadsheets export it), a GeoJSON of points or the site's own JSON export, through
 * the same service as the /admin/import page: dry run, report with spreadsheet row numbers, then (without
 * --dry-run) the commit, all or nothing, recorded as one import job that /admin/import can undo. The commit
 * writes in short chunks and leaves the write lock free between them, so a running server's saves go on.
 *
 * --mapping: a JSON file, either { "Nom du lieu": "name", "Ville": "commune", "Colonne inutile": null }
 * or { "columns": {…}, "defaults": { "category": "coworking" }, "values": { "category": { "Café-librairie": "coworking" } },
 * "strict": true }.
 * --preset <id>: a known open-data shape (data/import-presets/<id>.json: anct-mediation-numerique, fablabs-io, gogocarto,
 * connecteur-carto). --skip-unlisted: rows whose category the directory does not list (France Services, libraries…) are
 * skipped and counted apart (« ignorer ces catégories »).
 * --encoding cp850|windows-1252|iso-8859-15|utf-8: reads a text file in this encoding (when the report says the
 * detected one is doubtful). --sheet "Nom de la feuille": the sheet of an .xlsx/.ods to read (default: the first).
 * --sans-lieu: rows with no commune, postcode or coordinates are created without a place (otherwise errors).
 * Rows of other territories (a point, postcode or INSEE code outside CARTO_DEPARTEMENTS) are ignored and counted.
 * Progress lines go to stderr, the report to stdout. Exit codes: 0 = written, or a dry run without errors;
 * 1 = errors (strict mode), a doubtful encoding, or a file the importer cannot read (no job recorded);
 * 2 = bad arguments (unknown option, no file or several, unknown encoding, unreadable mapping file).
 */
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { databasePath, openDb } from '../src/lib/server/db/index';
import { geocoderFromEnv } from '../src/lib/server/geocode/index';
import type { ImportPlan, ImportProgress } from '../src/lib/server/import/plan';
import { problemCodeLabels } from '../src/lib/import/problems';
import { CHOOSABLE_ENCODINGS, encodingFromName, encodingLabels, type TextEncoding } from '../src/lib/import/detect-encoding';
import { PLACEMENTS, placementSentence, rowNumbers } from '../src/lib/import/placement-words';
import { capitalise } from '../src/lib/domain/french/typography';
import { NotFoundError, ValidationError } from '../src/lib/server/services/errors';
import { commitImport, previewImport } from '../src/lib/server/services/import.service';
import { presetChoices } from '../src/lib/server/import/presets';
import { SHARED_PACE } from '../src/lib/server/import/chunks';
import { recoverInterruptedImports } from '../src/lib/server/import/chunked-write';
import { byCount, countOf } from '../src/lib/domain/french/typography';

const USAGE =
	'Usage : npm run import -- <fichier.csv|.xlsx|.ods|.geojson|.json> [--dry-run] [--preset id] [--skip-unlisted] [--mapping correspondance.json] [--lenient] [--sans-lieu] [--encoding cp850|windows-1252|iso-8859-15|utf-8] [--sheet "Feuille"] [--as "Nom"] [--all]';

function fail(message: string, code = 2): never {
	console.error(`${message}\n${USAGE}`);
	process.exit(code);
}

const options = {
	'dry-run': { type: 'boolean', default: false },
	mapping: { type: 'string' },
	lenient: { type: 'boolean', default: false },
	encoding: { type: 'string' },
	sheet: { type: 'string' },
	as: { type: 'string' },
	all: { type: 'boolean', default: false },
	preset: { type: 'string' },
	'skip-unlisted': { type: 'boolean', default: false },
	// « Sans lieu »: a row with no commune, postcode or coordinates is created without a place instead of being an error.
	'sans-lieu': { type: 'boolean', default: false }
} as const;

function parseArguments() {
	try {
		return parseArgs({ args: process.argv.slice(2).filter((a) => a !== '--'), options, allowPositionals: true, strict: true });
	} catch (e) {
		// Node's own messages are English: say it in French, naming the option.
		const code = (e as NodeJS.ErrnoException).code;
		const option = /'([^']+)'/.exec((e as Error).message)?.[1] ?? '';
		if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') fail(`Option inconnue : ${option}`);
		if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') fail(`Option ${option.split(' ')[0]} : une valeur est attendue (ou aucune, selon l'option).`);
		fail(`Arguments invalides : ${(e as Error).message}`);
	}
}
const { values, positionals } = parseArguments();

if (positionals.length === 0) fail('Indiquez le fichier à importer.');
if (positionals.length > 1) fail(`Indiquez un seul fichier à importer (reçu : ${positionals.join(', ')}).`);
const file = positionals[0]!;
let encoding: TextEncoding | null = null;
if (values.encoding !== undefined) {
	encoding = encodingFromName(values.encoding);
	if (!encoding || !(CHOOSABLE_ENCODINGS as readonly string[]).includes(encoding))
		fail(`Encodage inconnu : ${values.encoding} (au choix : ${CHOOSABLE_ENCODINGS.join(', ')}).`);
}

function readJson(path: string): unknown {
	try {
		return JSON.parse(readFileSync(path, 'utf8'));
	} catch (e) {
		fail(`Fichier de correspondance illisible (${path}) : ${(e as Error).message}`);
	}
}

const presets = presetChoices();
if (values.preset !== undefined && !presets.some((p) => p.id === values.preset)) {
	fail(`Préréglage inconnu « ${values.preset} ». Préréglages : ${presets.map((p) => `${p.id} (${p.label})`).join(', ')}.`);
}
const choices = { preset: values.preset ?? null, skipUnlisted: values['skip-unlisted'] };

function settingsFrom(path: string | undefined): Record<string, unknown> {
	return { ...mappingSettings(path), ...choices };
}

function mappingSettings(path: string | undefined): Record<string, unknown> {
	const strict = !values.lenient;
	const reading = { encoding, sheet: values.sheet ?? null };
	const placeless = values['sans-lieu'];
	if (!path) return { strict, placeless, ...reading };
	const raw = readJson(path);
	if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) fail('Fichier de correspondance : un objet JSON est attendu.');
	const o = raw as Record<string, unknown>;
	return 'columns' in o
		? {
				mapping: o.columns,
				defaults: o.defaults,
				values: o.values,
				strict: values.lenient ? false : (o.strict ?? strict),
				placeless: placeless || o.placeless === true,
				...reading
			}
		: { mapping: o, strict, placeless, ...reading };
}

let bytes: Uint8Array;
try {
	bytes = readFileSync(file);
} catch (e) {
	// A path that names nothing is a bad argument (2); a file that is there but cannot be opened is unreadable (1).
	const code = (e as NodeJS.ErrnoException).code;
	if (code === 'ENOENT') fail(`Fichier introuvable : ${file}`);
	fail(`Fichier illisible : ${file} (${code ?? (e as Error).message})`, 1);
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

function printReading(plan: ImportPlan) {
	const r = plan.reading;
	if (r.sheet !== null) {
		const others = r.sheets.filter((s) => s.name !== r.sheet).map((s) => `« ${s.name} » (${countOf(s.rows, 'ligne remplie', 'lignes remplies')})`);
		console.log(
			`Feuille « ${r.sheet} », en-têtes ligne ${r.headerRow}${others.length ? ` ; autres feuilles : ${others.join(', ')} (--sheet "…" pour en lire une autre)` : ''}`
		);
	}
	if (!r.encodingDoubtful) return;
	console.log(`Encodage incertain : choisissez celui où les accents sont justes, avec --encoding :`);
	for (const c of r.encodingCandidates) {
		console.log(`  --encoding ${c.encoding} (${encodingLabels[c.encoding]}) : ${c.samples.map((line) => `« ${line} »`).join(' / ')}`);
	}
}

function printReport(plan: ImportPlan) {
	const c = plan.counts;
	const encodingName = plan.encoding
		? `, ${encodingLabels[plan.encoding as TextEncoding] ?? plan.encoding}${plan.reading.encodingChosen ? ' (choisi)' : plan.reading.encodingDoubtful ? ' (incertain)' : ''}`
		: '';
	console.log(
		`Fichier ${basename(file)} : ${plan.format.toUpperCase()}${encodingName}${plan.delimiter ? `, séparateur « ${plan.delimiter === '\t' ? 'tabulation' : plan.delimiter} »` : ''}`
	);
	printReading(plan);
	if (plan.headers.length) {
		console.log('Colonnes :');
		for (const h of plan.headers) console.log(`  ${h} → ${plan.mapping[h] ?? '(ignorée)'}`);
	}
	console.log(
		`${c.rows} ligne(s) : ${c.create} à créer, ${c.update} à mettre à jour, ${c.skip} ignorée(s), ${c.error} en erreur ; ${c.errors} erreur(s), ${c.warnings} avertissement(s)${c.geocoded ? ` ; ${c.geocoded} adresse(s) géocodée(s)` : ''}`
	);
	for (const u of plan.unknownValues) {
		console.log(
			`Catégorie inconnue « ${u.value} » : ${u.count} ligne(s) (${u.rows.join(', ')}${u.count > u.rows.length ? '…' : ''}) ; choisissez-en une dans --mapping : "values": { "category": { "${u.value}": "coworking" } }`
		);
	}
	if (c.skippedByCategory)
		console.log(
			`${countOf(c.skippedByCategory, 'ligne')} ${byCount(c.skippedByCategory, 'ignorée')} par catégorie (type de lieu que l'annuaire ne répertorie pas)`
		);
	for (const place of PLACEMENTS) {
		const rows = plan.placement[place];
		if (rows.length) console.log(`${capitalise(placementSentence(place, rows.length))} : ${rowNumbers(rows, values.all ? Infinity : 30)}`);
	}
	if (c.relationsCreate || c.relationsSkip) console.log(`Relations : ${c.relationsCreate} à créer, ${c.relationsSkip} déjà présentes ou ignorées`);
	const shown = values.all ? plan.problems : plan.problems.slice(0, 50);
	for (const p of shown) {
		const link = p.link ? ` → ${p.link.href}` : '';
		console.log(
			`  ligne ${p.row}${p.column ? `, colonne « ${p.column} »` : ''} : ${p.severity === 'error' ? 'ERREUR' : 'avertissement'} (${problemCodeLabels[p.code].toLowerCase()}) : ${p.message}${link}`
		);
	}
	if (shown.length < plan.problems.length) console.log(`  … et ${plan.problems.length - shown.length} autre(s) (--all pour tout voir)`);
}

const db = openDb(databasePath());
// A commit an earlier run left cut short (killed, machine stopped) is taken back first, as the server does at start.
await recoverInterruptedImports(db, SHARED_PACE);
const actor = { cli: values.as?.trim() || `ligne de commande (${userInfo().username})` };
try {
	const started = performance.now();
	const { job, plan } = await previewImport(db, actor, { name: basename(file), bytes }, settingsFrom(values.mapping), {
		geocoder: geocoderFromEnv(),
		onProgress: progress
	});
	printReport(plan);
	if (values['dry-run']) {
		console.log(`Essai à blanc n° ${job.id} : rien n'a été écrit.`);
		if ((job.strict && plan.counts.error > 0) || plan.reading.encodingDoubtful) process.exitCode = 1;
	} else {
		const { job: done, changes } = await commitImport(db, actor, job.id, { onProgress: progress, pace: SHARED_PACE });
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
