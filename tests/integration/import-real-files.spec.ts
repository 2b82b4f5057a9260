import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { freshDb } from './fresh-db';
import type { Db } from '../../src/lib/server/db/index';
import { commitImport, previewImport, reanalyseImport } from '../../src/lib/server/services/import.service';
import { ValidationError } from '../../src/lib/server/services/errors';
import type { AccountUser } from '../../src/lib/server/services/users.service';
import { loadTerritories } from '../../src/lib/server/territories/territory-loader';
import { importFileText } from '../../src/lib/server/import/file-text';

/*
 * The fixtures of tests/fixtures/import (see its README: made as Excel, LibreOffice-like writers and an
 * open-data portal make them) imported into a real database built by the real migrations: the names come
 * out with their accents, each file says how it was read, and what cannot be read is refused.
 */

const editor: AccountUser = { id: 5, email: 'editrice@example.org', displayName: 'Éditrice', role: 'editor' };
const FIXTURES = join(import.meta.dirname, '../fixtures/import');
const fixture = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));
const count = (db: Db, query: string) => db.get<{ n: number }>(sql.raw(query)).n;

interface Stored {
	name: string;
	category: string;
	communeCode: string | null;
	description: string | null;
	website: string | null;
}
const stored = (db: Db) =>
	db
		.all<Stored>(sql`select name, category, commune_code as communeCode, description, website from entities`)
		.sort((a, b) => a.name.localeCompare(b.name, 'fr'));

describe('real files of tiers-lieux, each encoding and format', () => {
	let t: ReturnType<typeof freshDb>;
	beforeEach(() => {
		t = freshDb();
		loadTerritories(t.db);
	});
	afterEach(() => t.close());

	// In French order (œ as « oe »), as `stored` sorts them.
	const everyName = ['Atelier Clémentel', 'Cœur de Mercœur', 'Cowork des Bourbonnais', 'La Forge de Saint-Étienne-sur-Usson', 'Pépinière du Bocal'];

	it.each([
		['tiers-lieux-utf8-bom.csv', 'csv', 'utf-8', everyName],
		['tiers-lieux-iso-8859-15.csv', 'csv', 'iso-8859-15', everyName],
		// Code page 850 has no œ: the file spells it « oe », as Excel's MS-DOS export leaves its author to.
		['tiers-lieux-ms-dos-cp850.csv', 'csv', 'cp850', everyName.map((n) => n.replace(/œ/g, 'oe'))],
		['tiers-lieux.xlsx', 'xlsx', '', everyName],
		['tiers-lieux.ods', 'ods', '', everyName],
		['tiers-lieux-portail.json', 'json', 'utf-8', everyName]
	])('%s: read as %s (%s), committed in strict mode with every accent right', async (file, format, encoding, names) => {
		const { plan, job } = await previewImport(t.db, editor, { name: file, bytes: fixture(file) }, { strict: true });
		expect(plan.format).toBe(format);
		expect(plan.encoding).toBe(encoding);
		expect(plan.reading.encodingDoubtful).toBe(false);
		expect(plan.problems.filter((p) => p.severity === 'error')).toEqual([]);
		expect(plan.counts).toMatchObject({ rows: 5, create: 5, error: 0 });
		await commitImport(t.db, editor, job.id);
		const rows = stored(t.db);
		expect(rows.map((r) => r.name)).toEqual(names);
		expect(rows.map((r) => r.communeCode)).toEqual(['63113', '43133', '03190', '63340', '03310']);
		for (const r of rows) expect(r.name + (r.description ?? '')).not.toMatch(/[‚\u0080-\u009f½¤│┤]|Ã/);
		expect(rows.map((r) => r.category)).toEqual(['fablab', 'rural_third_place', 'coworking', 'makerspace', 'incubation_space']);
	});

	it('keeps € and œ of the ISO-8859-15 file (0xA4 and 0xBD, « ¤ » and « ½ » if read as Windows-1252)', async () => {
		const { job, plan } = await previewImport(t.db, editor, { name: 'l9.csv', bytes: fixture('tiers-lieux-iso-8859-15.csv') }, {});
		const wrong = plan.reading.encodingCandidates.find((c) => c.encoding === 'windows-1252');
		expect(wrong?.samples.join(' ')).toMatch(/C½ur/);
		await commitImport(t.db, editor, job.id);
		const clementel = stored(t.db).find((r) => r.name === 'Atelier Clémentel')!;
		expect(clementel.description).toBe('Découpe laser et impression 3D, adhésion 20 € par an');
	});

	it('reads the workbook under its merged title, numbers rows as the spreadsheet does (blank row 6 kept), repairs the postcode stored as 3000', async () => {
		const { plan } = await previewImport(t.db, editor, { name: 'tl.xlsx', bytes: fixture('tiers-lieux.xlsx') }, {});
		expect(plan.reading.sheets).toEqual([
			{ name: 'Lieux 2026', rows: 7 },
			{ name: 'Archives 2025', rows: 3 }
		]);
		expect(plan.reading).toMatchObject({ sheet: 'Lieux 2026', headerRow: 2 });
		expect(plan.headers.slice(0, 4)).toEqual(['Nom', 'Catégorie', 'Commune', 'Code postal']);
		expect(plan.rows.map((r) => r.row)).toEqual([3, 4, 5, 7, 8]);
		const moulins = plan.preview.find((p) => p.cells[0] === 'Cowork des Bourbonnais')!;
		// As stored by Excel: a number, General format. The SIRET keeps its 14 digits, the date is a date.
		expect(moulins.cells.slice(3, 5)).toEqual(['3000', '3190']);
		expect(moulins.cells.slice(9)).toEqual(['2026-03-04', '44306184103017']);
		// The .ods formats its postcodes « 00000 », as LibreOffice's « code postal » style: the zero is there.
		const ods = await previewImport(t.db, editor, { name: 'tl.ods', bytes: fixture('tiers-lieux.ods') }, {});
		expect(ods.plan.preview.find((p) => p.cells[0] === 'Cowork des Bourbonnais')!.cells[3]).toBe('03000');
	});

	it('reads the sheet the editor chooses, on the page (reanalysis) as on the command line', async () => {
		const { job } = await previewImport(t.db, editor, { name: 'tl.ods', bytes: fixture('tiers-lieux.ods') }, {});
		const again = await reanalyseImport(t.db, editor, job.id, { sheet: 'Archives 2025' });
		expect(again.plan.reading.sheet).toBe('Archives 2025');
		expect(again.plan.rows.map((r) => [r.row, r.name, r.action])).toEqual([
			[2, 'Le Fournil Numérique', 'create'],
			[3, 'Éclat de Thiers', 'create']
		]);
		const missing = await previewImport(t.db, editor, { name: 'tl.ods', bytes: fixture('tiers-lieux.ods') }, { sheet: 'Feuille 9' });
		expect(missing.plan.reading.sheet).toBe('Lieux 2026');
		expect(missing.plan.problems[0]!.message).toMatch(/aucune feuille « Feuille 9 »/);
	});

	it('flattens the portal JSON: dotted columns recognised by their last part, the list of links kept whole in one cell', async () => {
		const { plan, job } = await previewImport(t.db, editor, { name: 'portail.json', bytes: fixture('tiers-lieux-portail.json') }, {});
		expect(plan.headers).toEqual([
			'nom',
			'typologie',
			'adresse.commune',
			'adresse.code_postal',
			'adresse.code_insee',
			'adresse.voie',
			'geolocalisation.lat',
			'geolocalisation.lon',
			'links',
			'services',
			'description',
			'date_maj'
		]);
		expect(plan.mapping).toMatchObject({
			'adresse.commune': 'commune',
			'adresse.code_postal': 'postcode',
			'geolocalisation.lat': 'lat',
			'geolocalisation.lon': 'lon'
		});
		expect(plan.preview[0]!.cells[8]).toBe('https://atelier-clementel.example.org ; https://www.facebook.com/lieu-1');
		// Rows are the lines where each object starts.
		const text = new TextDecoder().decode(fixture('tiers-lieux-portail.json')).split('\n');
		for (const r of plan.rows) expect(text[r.row - 1]).toMatch(/^\s*\{$/);
		expect(job.format).toBe('json');
	});
});

describe('files the importer cannot read, or reads with doubt', () => {
	let t: ReturnType<typeof freshDb>;
	beforeEach(() => {
		t = freshDb();
		loadTerritories(t.db);
	});
	afterEach(() => t.close());

	const truncatedXlsx = () => fixture('tiers-lieux.xlsx').subarray(0, 3000);
	const junk = () => Uint8Array.from({ length: 2000 }, (_, i) => (i * 7919 + 13) % 256);

	it.each([
		['empty', new Uint8Array(), /fichier vide/],
		['binary junk', junk(), /fichier illisible\u00a0: ce n'est ni un fichier texte/],
		['a truncated .xlsx', truncatedXlsx(), /fichier illisible\u00a0: classeur Excel illisible, peut-être tronqué/],
		['invalid JSON', new TextEncoder().encode('[\n {"nom": "A"},\n {"nom": "B"\n]'), /fichier illisible\u00a0: JSON invalide ligne 4/],
		['JSON that holds no records', new TextEncoder().encode('{"total": 3}'), /fichier illisible\u00a0: JSON non reconnu/],
		['blank text', new TextEncoder().encode(' \r\n\r\n'), /fichier illisible\u00a0: le fichier est vide/]
	])('%s: refused with the reason, no import job recorded', async (_label, bytes, reason) => {
		const attempt = previewImport(t.db, editor, { name: 'x', bytes }, {});
		await expect(attempt).rejects.toBeInstanceOf(ValidationError);
		await expect(previewImport(t.db, editor, { name: 'x', bytes }, {})).rejects.toThrow(reason);
		expect(count(t.db, 'select count(*) as n from import_jobs')).toBe(0);
	});

	it('a doubtful decoding is an error on the file; the commit refuses it even in lenient mode; the chosen encoding reads it', async () => {
		// « Cl│mentel »: 0xB3 is a box-drawing character in code page 850 and « ³ » elsewhere: nothing reads as French.
		const bytes = new Uint8Array([
			...new TextEncoder().encode('Nom;Catégorie;Code INSEE\r\n').map((b) => b),
			...[0x43, 0x6c, 0xb3, 0x6d, 0x65, 0x6e, 0x74, 0x65, 0x6c],
			...new TextEncoder().encode(';Fablab;63113\r\n')
		]);
		// The header line is UTF-8 here but the data line is not: the whole file is single-byte.
		const latin = new Uint8Array([...bytes].filter((_, i) => i !== 8).map((b, i) => (i === 7 ? 0xe9 : b)));
		const { plan, job } = await previewImport(t.db, editor, { name: 'doute.csv', bytes: latin }, { strict: false });
		expect(plan.reading.encodingDoubtful).toBe(true);
		expect(plan.problems[0]).toMatchObject({ row: 1, severity: 'error', code: 'encoding' });
		expect(plan.problems[0]!.message).toMatch(/^le fichier a été lu en .*choisissez l'encodage du fichier avant de valider$/);
		await expect(commitImport(t.db, editor, job.id)).rejects.toThrow(/encodage du fichier est incertain/);
		expect(count(t.db, 'select count(*) as n from entities')).toBe(0);
		const chosen = await reanalyseImport(t.db, editor, job.id, { strict: false, encoding: 'windows-1252' });
		expect(chosen.plan.reading).toMatchObject({ encoding: 'windows-1252', encodingDoubtful: false, encodingChosen: true });
		expect(chosen.plan.rows[0]!.name).toBe('Cl³mentel');
		await expect(reanalyseImport(t.db, editor, job.id, { encoding: 'ebcdic' })).rejects.toThrow(/encodage inconnu/);
	});
});

describe('the text of a stored file, where the GDPR erasure looks for a person', () => {
	it.each([
		'tiers-lieux-ms-dos-cp850.csv',
		'tiers-lieux-iso-8859-15.csv',
		'tiers-lieux-utf8-bom.csv',
		'tiers-lieux.xlsx',
		'tiers-lieux.ods',
		'tiers-lieux-portail.json'
	])('%s: names read with their accents, every sheet of a workbook included', (file) => {
		const text = importFileText(fixture(file));
		expect(text).toContain('Atelier Clémentel');
		expect(text).toContain('La Forge de Saint-Étienne-sur-Usson');
		if (file.endsWith('.xlsx') || file.endsWith('.ods')) expect(text).toContain('Éclat de Thiers');
	});
});
