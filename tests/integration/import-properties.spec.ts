import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { freshDb, insertSmallTerritories } from './fresh-db';
import { disabledGeocoder } from '../../src/lib/server/geocode/ban';
import { analyseImport } from '../../src/lib/server/import/plan';
import { ValidationError } from '../../src/lib/server/services/errors';

/*
 * The whole dry run (decoding, parsing, mapping, reading each cell, places, duplicates, schema), fed with
 * random and mutated files: it never throws, and every problem points at a row that exists in the file.
 */

const HEADERS = [
	'nom',
	'catégorie',
	'commune',
	'code_insee',
	'cp',
	'adresse',
	'site_web',
	'siret',
	'latitude',
	'longitude',
	'secteurs',
	'année de création',
	'début',
	'email',
	'slug'
];
const settings = { mapping: null, defaults: {}, values: { category: {} }, strict: true };
const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;

const cell = fc.oneof(
	fc.string({ maxLength: 12 }),
	fc.constantFrom(
		'',
		'Aurillac',
		'Clermont-Ferrand',
		'15014',
		'3185',
		'coworking',
		'Fablab',
		'45,78',
		'3,09',
		'2,44',
		'44,92',
		'www.x.fr',
		'javascript:alert(1)',
		'73282932000074',
		'2019',
		'31/02/2020',
		'a@b',
		'la-fabrique',
		'=SUM(A1)',
		'\n',
		'"'
	),
	fc.double().map(String)
);

describe('the dry run on random and mutated files', () => {
	const t = freshDb();
	insertSmallTerritories(t.db);
	afterAll(() => t.close());

	it('never throws on a random table, and every problem has an existing row and a message', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.array(fc.array(cell, { minLength: HEADERS.length, maxLength: HEADERS.length }), { maxLength: 12 }),
				fc.constantFrom(';', ','),
				async (rows, sep) => {
					const text = [HEADERS.join(sep), ...rows.map((r) => r.map(quote).join(sep))].join('\r\n');
					const plan = await analyseImport(t.db, new TextEncoder().encode(text), settings, { geocoder: disabledGeocoder });
					expect(plan.rows.length).toBeLessThanOrEqual(rows.length);
					for (const p of plan.problems) {
						expect(Number.isInteger(p.row)).toBe(true);
						expect(p.row).toBeGreaterThanOrEqual(1);
						expect(p.row).toBeLessThanOrEqual(rows.length + 1);
						expect(p.message.trim().length).toBeGreaterThan(0);
					}
					for (const r of plan.rows) expect(['create', 'update', 'skip', 'error']).toContain(r.action);
				}
			),
			{ numRuns: 150 }
		);
	});

	it('never throws on a valid file mutated byte by byte (CSV, GeoJSON and JSON export alike)', async () => {
		const csv =
			'nom;catégorie;commune;latitude;longitude\r\n"La Grange\r\nde Marie";coworking;Aurillac;44,92;2,44\r\nLe Hangar;fablab;Clermont-Ferrand;45,78;3,09\r\n';
		const geojson = JSON.stringify(
			{
				type: 'FeatureCollection',
				features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [2.44, 44.92] }, properties: { nom: 'La Grange', categorie: 'coworking' } }]
			},
			null,
			1
		);
		const json = JSON.stringify(
			{
				format: 'connecteur-carto',
				version: 1,
				entities: [{ id: 1, slug: 'la-grange', kind: 'third_place', category: 'coworking', name: 'La Grange', communeCode: '15014', lon: 2.44, lat: 44.92 }],
				relations: [{ id: 1, type: 'partner_of', sourceId: 1, targetId: 2 }]
			},
			null,
			1
		);
		const mutation = fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }), kind: fc.constantFrom('insert', 'replace', 'delete', 'truncate') });
		await fc.assert(
			fc.asyncProperty(fc.constantFrom(csv, geojson, json), fc.array(mutation, { minLength: 1, maxLength: 6 }), async (source, mutations) => {
				const bytes = [...new TextEncoder().encode(source)];
				for (const m of mutations) {
					const at = m.at % (bytes.length + 1);
					if (m.kind === 'insert') bytes.splice(at, 0, m.byte);
					else if (m.kind === 'replace') bytes[at] = m.byte;
					else if (m.kind === 'delete') bytes.splice(at, 1);
					else bytes.length = at;
				}
				const lines = bytes.filter((b) => b === 10 || b === 13).length + 1;
				// A file damaged beyond reading is refused with its reason in French (no job is then recorded);
				// anything else it throws is a bug.
				let plan;
				try {
					plan = await analyseImport(t.db, Uint8Array.from(bytes), settings, { geocoder: disabledGeocoder });
				} catch (e) {
					expect(e).toBeInstanceOf(ValidationError);
					expect((e as ValidationError).issues.join()).toMatch(/^fichier illisible\u00a0: .+/);
					return;
				}
				for (const p of plan.problems) {
					expect(p.row).toBeGreaterThanOrEqual(1);
					expect(p.row).toBeLessThanOrEqual(lines + 1);
					expect(p.message.trim().length).toBeGreaterThan(0);
				}
			}),
			{ numRuns: 300 }
		);
	});
});
