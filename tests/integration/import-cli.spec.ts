import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDb, type Db } from '../../src/lib/server/db/index';
import { loadTerritories } from '../../src/lib/server/territories/territory-loader';

/*
 * `npm run import` as a person runs it, on a real database file built by the real migrations: its exit code
 * (0 written or clean dry run, 1 errors / unreadable file / doubtful encoding, 2 bad arguments) and its
 * French words. Each run is the real script under tsx, as `npm run` starts it.
 */

const FIXTURES = join(import.meta.dirname, '../fixtures/import');
let dir: string;
let path: string;
let db: Db;

function run(...args: string[]) {
	const r = spawnSync('node_modules/.bin/tsx', ['scripts/import.ts', ...args], {
		env: { ...process.env, DATABASE_URL: path, CARTO_GEOCODER_URL: 'off' },
		encoding: 'utf8'
	});
	return { code: r.status, out: r.stdout, err: r.stderr };
}
const jobs = () => db.get<{ n: number }>(sql`select count(*) as n from import_jobs`).n;
const names = () => db.all<{ name: string }>(sql`select name from entities order by id`).map((r) => r.name);

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'carto-import-cli-'));
	path = join(dir, 'cli.db');
	db = openDb(path);
	loadTerritories(db);
	writeFileSync(
		join(dir, 'junk.bin'),
		Uint8Array.from({ length: 4000 }, (_, i) => (i * 7919 + 13) % 256)
	);
	writeFileSync(join(dir, 'broken.json'), '[\n  {"nom": "Atelier Clémentel"},\n  {"nom": "Cœur"\n]\n');
	writeFileSync(join(dir, 'empty.csv'), '');
	// « Cl│mentel »: 0xB3 reads as a box-drawing character or « ³ »: no encoding makes it French.
	writeFileSync(
		join(dir, 'doubt.csv'),
		Buffer.from([...Buffer.from('Nom;Catégorie;Code INSEE\r\nCl', 'latin1'), 0xb3, ...Buffer.from('mentel;Fablab;63113\r\n', 'latin1')])
	);
	writeFileSync(join(dir, 'errors.csv'), 'Nom;Catégorie;Code INSEE\r\nAtelier;Fablab;99999\r\n');
}, 60_000);
afterAll(() => {
	db.$client.close();
	rmSync(dir, { recursive: true, force: true });
});

describe('npm run import: exit codes and French messages', () => {
	it('2 for bad arguments: an unknown option, no file, two files, an unknown encoding, a missing path', () => {
		const unknown = run(join(FIXTURES, 'tiers-lieux.xlsx'), '--feuille', 'x');
		expect(unknown.code).toBe(2);
		expect(unknown.err).toMatch(/Option inconnue : --feuille/);
		expect(unknown.err).toMatch(/Usage : npm run import/);
		const none = run('--dry-run');
		expect(none).toMatchObject({ code: 2 });
		expect(none.err).toMatch(/Indiquez le fichier à importer/);
		expect(run('a.csv', 'b.csv').err).toMatch(/un seul fichier/);
		const encoding = run(join(FIXTURES, 'tiers-lieux-utf8-bom.csv'), '--encoding', 'ebcdic');
		expect(encoding.code).toBe(2);
		expect(encoding.err).toMatch(/Encodage inconnu : ebcdic \(au choix : utf-8, windows-1252, iso-8859-15, cp850\)/);
		const missing = run(join(dir, 'nulle-part.csv'));
		expect(missing.code).toBe(2);
		expect(missing.err).toMatch(/Fichier introuvable/);
		expect(jobs()).toBe(0);
	}, 60_000);

	it.each([
		['junk.bin', /fichier illisible\u00a0: ce n'est ni un fichier texte/],
		['broken.json', /fichier illisible\u00a0: JSON invalide ligne 4/],
		['empty.csv', /fichier vide/]
	])(
		'1 for a file it cannot read (%s), with the reason, and no import job',
		(file, reason) => {
			const r = run(join(dir, file), '--dry-run');
			expect(r.code).toBe(1);
			expect(r.err).toMatch(/Import impossible : /);
			expect(r.err).toMatch(reason);
			expect(jobs()).toBe(0);
		},
		30_000
	);

	it('1 for a doubtful encoding, showing each reading so the editor can pick one; 0 once --encoding is given', () => {
		const r = run(join(dir, 'doubt.csv'), '--dry-run');
		expect(r.code).toBe(1);
		expect(r.out).toMatch(/Encodage incertain : choisissez celui où les accents sont justes, avec --encoding/);
		expect(r.out).toMatch(/--encoding cp850 \(DOS 850.*\) : .*« Cl│mentel;Fablab;63113 »/);
		expect(r.out).toMatch(/--encoding windows-1252 .* « Cl³mentel;Fablab;63113 »/);
		expect(r.out).not.toMatch(/--encoding iso-8859-15/);
		const chosen = run(join(dir, 'doubt.csv'), '--dry-run', '--encoding', 'windows-1252');
		expect(chosen.code).toBe(0);
		expect(chosen.out).toMatch(/CSV, Windows-1252 .*\(choisi\)/);
	}, 30_000);

	it('1 for errors in strict mode (dry run and commit), nothing written', () => {
		expect(run(join(dir, 'errors.csv'), '--dry-run').code).toBe(1);
		const commit = run(join(dir, 'errors.csv'));
		expect(commit.code).toBe(1);
		expect(commit.err).toMatch(/import refusé, rien n'a été écrit/);
		expect(names()).toEqual([]);
	}, 30_000);

	it('0 for a clean dry run of the MS-DOS CSV (named encoding), and for a written workbook, its sheet chosen with --sheet', () => {
		const dry = run(join(FIXTURES, 'tiers-lieux-ms-dos-cp850.csv'), '--dry-run');
		expect(dry.code).toBe(0);
		expect(dry.out).toMatch(/Fichier tiers-lieux-ms-dos-cp850.csv : CSV, DOS 850 \(Excel «\u00a0CSV \(MS-DOS\)\u00a0»\), séparateur « ; »/);
		expect(dry.out).toMatch(/5 ligne\(s\) : 5 à créer/);
		const written = run(join(FIXTURES, 'tiers-lieux.ods'), '--sheet', 'Archives 2025');
		expect(written.code).toBe(0);
		expect(written.out).toMatch(/Feuille « Archives 2025 », en-têtes ligne 1 ; autres feuilles : « Lieux 2026 » \(7 lignes remplies\)/);
		expect(written.out).toMatch(/Import n° \d+ validé/);
		expect(names()).toEqual(['Le Fournil Numérique', 'Éclat de Thiers']);
	}, 30_000);
});
