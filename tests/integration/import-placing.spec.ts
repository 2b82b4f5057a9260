import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { freshDb } from './fresh-db';
import type { Db } from '../../src/lib/server/db/index';
import { createEntities } from '../../src/lib/server/services/entity-write.service';
import { commitImport, previewImport } from '../../src/lib/server/services/import.service';
import { repairPlaces } from '../../src/lib/server/services/place-repair.service';
import type { AccountUser } from '../../src/lib/server/services/users.service';
import { importContours } from '../../src/lib/server/territories/import-contours';
import { loadTerritories } from '../../src/lib/server/territories/territory-loader';
import { encodeWindows1252 } from '../../src/lib/import/decode';
import { banGeocoder } from '../../src/lib/server/geocode/ban';
import { startFakeBan } from '../fake-ban-server';

/*
 * Placing a row (issue 13, § 2) on a database built by the real migrations with the official commune
 * outlines (IGN ADMIN EXPRESS COG 2018, from CARTO_OFFICIAL_CONTOURS_DIR) imported by importContours.
 * The rows are written the way a regional network's sheet or a national open-data file writes them:
 * names with or without their article, « St », capitals, the old long name of a commune, a postcode
 * alone, coordinates at OpenStreetMap precision, and rows from Lyon, Paris, Brest, Corsica and La Réunion.
 */

const officialDir = process.env.CARTO_OFFICIAL_CONTOURS_DIR;
if (!officialDir) console.warn('[import-placing] CARTO_OFFICIAL_CONTOURS_DIR non défini : tests du placement ignorés (la CI le définit).');

const editor: AccountUser = { id: 4, email: 'editrice@example.org', displayName: 'Éditrice', role: 'editor' };
const HEADER = 'Nom;Catégorie;Adresse;Code postal;Ville;Code INSEE;Latitude;Longitude';

/** Row number (header = 1) → cells after the header. */
const ROWS: string[] = [
	/* 2 */ 'Fablab de Vorey;Fablab;;43800;;;45,18685;3,90862',
	/* 3 */ 'Coworking du Mont-Dore;Coworking;;63240;Le Mont-Dore;;;',
	/* 4 */ "Atelier d'Ardes;Atelier partagé;;63420;Ardes sur couze;;;",
	/* 5 */ 'La Grange;Tiers-lieu rural;;43800;Vorey sur Arzon;;;',
	/* 6 */ 'Bureau Jaude;Coworking;;63000;CLERMONT-FERRAND;;;',
	/* 7 */ 'Espace des Planchettes;Coworking;;15100;St Flour;;;',
	/* 8 */ 'La Ruche du Velay;Coworking;;43000;Le Puy en Velay;;;',
	/* 9 */ 'Le Chalet numérique;Coworking;;63240;;;;',
	/* 10 */ "Lieu d'Yssingeaux;Coworking;;43200;;;;",
	/* 11 */ 'La Verrière;Coworking;;;Clermont-Fd;;45,77717;3,08160',
	/* 12 */ 'La Cordée Bellecour;Coworking;;69002;Lyon;;45,75781;4,83201',
	/* 13 */ 'Espace France Services Paris 11;France Services;;75011;Paris;;;',
	/* 14 */ 'Les Fabriques du Ponant;Fablab;;29200;Brest;;48,39036;-4,48606',
	/* 15 */ 'Fablab Ajaccio;Fablab;;20000;Ajaccio;2A004;;',
	/* 16 */ 'Kaz Coworking;Coworking;;97400;Saint-Denis;97411;-20,88231;55,45040',
	/* 17 */ 'Lieu sans adresse;Coworking;;;;;;',
	/* 18 */ 'Point perdu;Coworking;;;Clermont-Ferrand;;48,85661;2,35222'
];
const sheet = (rows: string[]) => encodeWindows1252([HEADER, ...rows].join('\r\n') + '\r\n');
const BROKEN = [10, 17, 18];

describe.skipIf(!officialDir)('placing rows with the official commune outlines', () => {
	let t: ReturnType<typeof freshDb>;
	beforeAll(() => {
		expect(existsSync(officialDir!)).toBe(true);
		t = freshDb();
		loadTerritories(t.db);
		importContours(t.db, [officialDir!]);
	}, 120_000);
	afterAll(() => t.close());

	const communeOf = (db: Db, name: string) =>
		db.get<{ commune_code: string | null }>(sql`select commune_code from entities where name = ${name}`)?.commune_code;

	it('finds each commune by the point, by a name as people write it within its postcode, or by the postcode alone; the other territories are ignored, not errors', async () => {
		const { plan } = await previewImport(t.db, editor, { name: 'lieux-national.csv', bytes: sheet(ROWS) }, {});
		const byRow = (row: number) => plan.rows.find((r) => r.row === row)!;
		const problem = (row: number, code: string) => plan.problems.find((p) => p.row === row && p.code === code);

		// By the outline holding the point, with a warning naming the commune.
		expect(byRow(2).data).toMatchObject({ communeCode: '43267', lat: 45.18685, lon: 3.90862 });
		expect(problem(2, 'commune_by_point')).toMatchObject({ severity: 'warning', column: 'Longitude' });
		expect(problem(2, 'commune_by_point')!.message).toContain('Vorey (43267)');
		expect(byRow(11).data).toMatchObject({ communeCode: '63113' });
		expect(problem(11, 'commune_by_point')!.message).toMatch(/Clermont-Ferrand \(63113\).*Clermont-Fd/);

		// By the closest name among the communes of the postcode, saying which one was chosen.
		expect(byRow(3).data).toMatchObject({ communeCode: '63236', coordPrecision: 'commune' });
		expect(problem(3, 'commune_by_name')!.message).toBe('« Le Mont-Dore » lu comme Mont-Dore (63236), la commune du code postal 63240 au nom le plus proche');
		expect(byRow(4).data).toMatchObject({ communeCode: '63009' });
		expect(problem(4, 'commune_by_name')!.message).toContain('Ardes (63009)');
		expect(byRow(5).data).toMatchObject({ communeCode: '43267' });
		expect(problem(5, 'commune_by_name')!.message).toContain('Vorey (43267)');
		// Case, hyphens, « St » and an article the official name has too: the same name, nothing to say.
		expect(byRow(6).data).toMatchObject({ communeCode: '63113' });
		expect(byRow(7).data).toMatchObject({ communeCode: '15187' });
		expect(byRow(8).data).toMatchObject({ communeCode: '43157' });
		for (const row of [6, 7, 8]) expect(plan.problems.filter((p) => p.row === row)).toEqual([]);

		// A postcode alone: its commune when it has one, a choice list when it has several.
		expect(byRow(9).data).toMatchObject({ communeCode: '63236' });
		expect(problem(9, 'commune_by_postcode')!.message).toBe('commune déduite du code postal 63240 : Mont-Dore (63236)');
		expect(problem(10, 'ambiguous_commune')).toMatchObject({ severity: 'error', column: 'Code postal' });
		expect(problem(10, 'ambiguous_commune')!.message).toMatch(/^le code postal 43200 couvre 10 communes : .*Yssingeaux \(43268\)/);

		// Lyon, Paris, Brest, Ajaccio, Saint-Denis de La Réunion: ignored, with their row numbers, no problem each.
		for (const row of [12, 13, 14, 15, 16]) {
			expect(byRow(row)).toMatchObject({ action: 'skip', place: 'outside' });
			expect(plan.problems.filter((p) => p.row === row)).toEqual([]);
		}
		expect(byRow(12).note).toBe('hors du territoire (coordonnées 45,75781 ; 4,83201)');
		expect(byRow(13).note).toBe('hors du territoire (code postal 75011)');
		expect(byRow(15).note).toBe('hors du territoire (code INSEE 2A004)');
		expect(plan.unknownValues).toEqual([]); // « France Services » belongs to a Paris row: nothing to choose

		// No place at all is an error; a point in Paris for a Clermont listing is a mistake, not another territory.
		expect(problem(17, 'no_place')).toMatchObject({ severity: 'error', column: 'Ville' });
		expect(problem(17, 'no_place')!.message).toContain('« sans lieu »');
		expect(problem(18, 'outside_scope')).toMatchObject({ severity: 'error', column: 'Longitude' });

		expect(plan.placement).toEqual({ coordinates: [2, 11], postcode: [9], name: [3, 4, 5], outside: [12, 13, 14, 15, 16] });
		expect(plan.counts).toMatchObject({ rows: 17, create: 9, skip: 5, error: 3, placedByCoordinates: 2, placedByPostcode: 1, placedByName: 3, outside: 5 });
		expect(plan.problems.filter((p) => p.severity === 'error').map((p) => p.row)).toEqual(BROKEN);
	});

	it('a strict import of a national file goes through for the rows that belong here, each stored with its commune', async () => {
		const kept = ROWS.filter((_, i) => !BROKEN.includes(i + 2));
		const { job, plan } = await previewImport(t.db, editor, { name: 'lieux-national.csv', bytes: sheet(kept) }, { strict: true });
		expect(plan.counts).toMatchObject({ create: 9, error: 0, outside: 5 });
		const { changes } = await commitImport(t.db, editor, job.id);
		expect(changes.createdEntityIds).toHaveLength(9);
		expect(communeOf(t.db, 'Fablab de Vorey')).toBe('43267');
		expect(communeOf(t.db, 'Coworking du Mont-Dore')).toBe('63236');
		expect(communeOf(t.db, 'La Verrière')).toBe('63113');
		expect(communeOf(t.db, 'La Cordée Bellecour')).toBeUndefined();
		expect(t.db.get<{ n: number }>(sql`select count(*) as n from entities where commune_code is null`).n).toBe(0);
	});

	it('« sans lieu » lets a row with no place at all in, with a warning', async () => {
		const { plan } = await previewImport(t.db, editor, { name: 'sans-lieu.csv', bytes: sheet([ROWS[15]!]) }, { placeless: true });
		expect(plan.rows[0]).toMatchObject({ row: 2, action: 'create' });
		expect(plan.rows[0]!.data).toMatchObject({ communeCode: null, lon: null });
		expect(plan.problems).toEqual([expect.objectContaining({ row: 2, severity: 'warning', code: 'no_place' })]);
	});

	it("an address the geocoder finds in Lyon is another territory's row; one it cannot find, with no commune, has no place", async () => {
		const ban = await startFakeBan({
			addresses: [
				{
					address: '20 Rue de la République Lyon',
					type: 'housenumber',
					score: 0.93,
					lon: 4.83583,
					lat: 45.76235,
					label: '20 Rue de la République 69002 Lyon',
					citycode: '69382',
					postcode: '69002',
					city: 'Lyon',
					context: '69, Rhône, Auvergne-Rhône-Alpes'
				}
			]
		});
		try {
			const csv = [
				'Nom;Catégorie;Adresse',
				'Le Bureau Lyonnais;Coworking;20 Rue de la République Lyon',
				'Le Comptoir;Coworking;1 Place de Jaude',
				'Le Nuage;Coworking;3 chemin des Nuages'
			].join('\r\n');
			const geocoder = banGeocoder({ baseUrl: ban.url, timeoutMs: 2000 });
			const { plan } = await previewImport(t.db, editor, { name: 'adresses.csv', bytes: encodeWindows1252(csv) }, {}, { geocoder });
			expect(plan.rows[0]).toMatchObject({
				row: 2,
				action: 'skip',
				place: 'outside',
				note: 'hors du territoire (adresse trouvée : 20 Rue de la République 69002 Lyon)'
			});
			// The geocoder's INSEE code gives the commune of an address of ours.
			expect(plan.rows[1]!.data).toMatchObject({ communeCode: '63113', coordPrecision: 'address' });
			expect(plan.rows[2]).toMatchObject({ row: 4, action: 'error' });
			expect(plan.problems.find((p) => p.row === 4)).toMatchObject({ severity: 'error', code: 'no_place' });
			expect(plan.problems.find((p) => p.row === 4)!.message).toMatch(/^adresse introuvable dans la Base Adresse Nationale et ni commune ni coordonnées/);
			expect(plan.counts).toMatchObject({ outside: 1, create: 1, error: 1 });
		} finally {
			await ban.close();
		}
	});

	it('places 10,000 rows by their points in a few seconds', async () => {
		const communes = t.db.all<{ code: string; lon: number; lat: number }>(
			sql`select code, centroid_lon as lon, centroid_lat as lat from territories where kind = 'commune' and centroid_precision = 'contour' order by code`
		);
		const lines = Array.from({ length: 10_000 }, (_, i) => {
			const c = communes[i % communes.length]!;
			return `Lieu ${i + 1};Coworking;;;;;${c.lat.toFixed(6).replace('.', ',')};${c.lon.toFixed(6).replace('.', ',')}`;
		});
		const started = performance.now();
		const { plan } = await previewImport(t.db, editor, { name: 'dix-mille.csv', bytes: sheet(lines) }, {});
		const seconds = (performance.now() - started) / 1000;
		console.log(`[import-placing] 10 000 lignes placées par leurs coordonnées en ${seconds.toFixed(1)} s`);
		expect(plan.counts).toMatchObject({ create: 10_000, error: 0, placedByCoordinates: 10_000 });
		// A commune's point-on-surface lies in its own outline.
		const wrong = plan.rows.filter((r, i) => r.data?.communeCode !== communes[i % communes.length]!.code);
		expect(wrong.map((r) => r.row)).toEqual([]);
		expect(seconds).toBeLessThan(20);
	}, 60_000);
});

describe.skipIf(!officialDir)('npm run places:repair on a database with commune-less points', () => {
	let t: ReturnType<typeof freshDb>;
	beforeAll(() => {
		t = freshDb();
		loadTerritories(t.db);
		importContours(t.db, [officialDir!]);
	}, 120_000);
	afterAll(() => t.close());

	it('says what it would do, then gives each point in the territory its commune through the write path, one revision each', () => {
		const [vorey, lyon, placed] = createEntities(t.db, [
			{ slug: 'fablab-vorey', kind: 'third_place', category: 'fablab', name: 'Fablab de Vorey', lon: 3.90862, lat: 45.18685, coordPrecision: 'manual' },
			{ slug: 'cordee-lyon', kind: 'third_place', category: 'coworking', name: 'La Cordée', lon: 4.83201, lat: 45.75781, coordPrecision: 'manual' },
			{
				slug: 'bureau-jaude',
				kind: 'third_place',
				category: 'coworking',
				name: 'Bureau Jaude',
				communeCode: '63113',
				lon: 3.0816,
				lat: 45.77717,
				coordPrecision: 'manual'
			}
		]);
		const communeOf = (id: number) =>
			t.db.get<{ commune_code: string | null; version: number }>(sql`select commune_code, version from entities where id = ${id}`);

		const dry = repairPlaces(t.db, { apply: false });
		expect(dry).toMatchObject({ applied: false, unlocated: [] });
		expect(dry.outlines).toBeGreaterThan(1200);
		expect(dry.located).toEqual([expect.objectContaining({ id: vorey, communeCode: '43267', communeName: 'Vorey' })]);
		expect(dry.outside.map((o) => o.id)).toEqual([lyon]);
		expect(communeOf(vorey!)).toEqual({ commune_code: null, version: 1 });

		const done = repairPlaces(t.db, { apply: true });
		expect(done.applied).toBe(true);
		expect(communeOf(vorey!)).toEqual({ commune_code: '43267', version: 2 });
		expect(communeOf(lyon!)).toEqual({ commune_code: null, version: 1 });
		expect(communeOf(placed!)!.version).toBe(1);
		const revision = t.db.get<{ operation: string; author_label: string; reason: string }>(
			sql`select operation, author_label, reason from revisions where subject_kind = 'entity' and subject_id = ${vorey} and version = 2`
		);
		expect(revision).toMatchObject({ operation: 'update', author_label: 'réparation des lieux (npm run places:repair)' });
		expect(revision!.reason).toContain('coordonnées');
		// Run again: nothing left to do.
		expect(repairPlaces(t.db, { apply: true }).located).toEqual([]);
	});
});
