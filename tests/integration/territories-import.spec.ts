import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { area, booleanPointInPolygon, pointOnFeature } from '@turf/turf';
import { eq, inArray } from 'drizzle-orm';
import type { AreaGeometry } from '$lib/geo/geometry';
import { territories } from '$lib/server/db/schema';
import { EMBEDDED_GEOMETRY_SOURCE } from '$lib/server/territories/embedded-outlines';
import { formatImportReport, importContours } from '$lib/server/territories/import-contours';
import { loadTerritories, readTerritoryData, territoryCount } from '$lib/server/territories/territory-loader';
import { tempDb } from './territories-helpers';

const FIXTURE_DIR = 'tests/fixtures/contours';
const ATTACHMENT_FIXTURE = 'tests/fixtures/contours/rattachement/communes-rattachement.geojson';

describe('importContours on the hand-made fixture', () => {
	it('matches, repairs, skips and reports without failing, then dissolves the EPCI', () => {
		const { db, dispose } = tempDb();
		try {
			const report = importContours(db, [FIXTURE_DIR]);
			expect(territoryCount(db)).toBeGreaterThan(1287); // defaults loaded first
			expect(report.features).toBe(7);
			expect(report.matched).toEqual({ communes: 4, departements: 0 });
			expect(report.unmatched.map((u) => u.code)).toEqual(['03999']);
			expect(report.attached).toEqual([]);
			expect(report.repaired.map((r) => r.code)).toEqual(['03310']);
			expect(report.skipped.map((s) => s.code).sort()).toEqual(['03185', null].sort());
			expect(report.skipped.find((s) => s.code === '03185')?.reason).toMatch(/géométrie invalide/);

			const charolais = db.select().from(territories).where(eq(territories.code, '200071884')).get()!;
			expect(charolais.geometry?.type).toBe('Polygon'); // three adjacent squares merged
			expect(charolais.bbox).toEqual([3.9, 46.44, 3.94, 46.48]);
			expect(charolais.centroidPrecision).toBe('contour');
			expect(report.epci.partial.map((e) => e.code)).toContain('200071363'); // Vichy Communauté: one member only

			const chassenard = db.select().from(territories).where(eq(territories.code, '03063')).get()!;
			expect(chassenard.centroidPrecision).toBe('contour');
			expect([chassenard.centroidLon, chassenard.centroidLat]).toEqual([3.91, 46.45]);
			expect(chassenard.geometrySource).toBe('import:communes-fixture.geojson');

			// Four communes are not a département: the default outline (the embedded IGN one) stays.
			const allier = db.select().from(territories).where(eq(territories.code, '03')).get()!;
			expect(allier.geometrySource).toBe(EMBEDDED_GEOMETRY_SOURCE);
			expect(report.departements.dissolved).toBe(0);

			const text = formatImportReport(report);
			expect(text).toMatch(/Communes appariées : 4/);
			expect(text).toMatch(/03999 Commune imaginaire/);

			// Reloading the defaults keeps the imported outlines.
			loadTerritories(db);
			expect(db.select().from(territories).where(eq(territories.code, '03063')).get()?.centroidPrecision).toBe('contour');
		} finally {
			dispose();
		}
	});

	it('attaches the polygons of former communes to their current commune, idempotently', () => {
		const { db, dispose } = tempDb();
		try {
			// The mapping comes from the embedded data file (communes déléguées / associées of the COG).
			expect(readTerritoryData().formerCommunes).toMatchObject({ '03318': '03168', '03123': '03158', '03153': '03158' });
			const report = importContours(db, [ATTACHMENT_FIXTURE]);
			expect(report.features).toBe(5);
			expect(report.attached).toEqual([
				{ code: '03123', name: 'Givarlais', file: 'communes-rattachement.geojson', currentCode: '03158', currentName: 'Haut-Bocage' },
				{ code: '03153', name: 'Louroux-Hodement', file: 'communes-rattachement.geojson', currentCode: '03158', currentName: 'Haut-Bocage' },
				{ code: '03318', name: 'Vitray', file: 'communes-rattachement.geojson', currentCode: '03168', currentName: 'Meaulne-Vitray' }
			]);
			expect(report.unmatched.map((u) => u.code)).toEqual(['63127']); // Creste: no known successor
			expect(report.matched).toEqual({ communes: 2, departements: 0 });
			expect(report.skipped).toEqual([]);

			// Own square + former commune's square: one rectangle, centroid and bbox recomputed.
			const meaulne = db.select().from(territories).where(eq(territories.code, '03168')).get()!;
			expect(meaulne.geometry?.type).toBe('Polygon');
			expect(meaulne.bbox).toEqual([2.6, 46.6, 2.64, 46.62]);
			expect([meaulne.centroidLon, meaulne.centroidLat]).toEqual([2.62, 46.61]);
			expect(meaulne.centroidPrecision).toBe('contour');
			expect(meaulne.geometrySource).toBe('import:communes-rattachement.geojson (avec 03318)');
			// Only former communes in the file: the current commune gets their union.
			const hautBocage = db.select().from(territories).where(eq(territories.code, '03158')).get()!;
			expect(hautBocage.bbox).toEqual([2.7, 46.5, 2.74, 46.52]);
			expect(hautBocage.geometry?.type).toBe('Polygon');

			const text = formatImportReport(report);
			expect(text).toMatch(/Anciennes communes rattachées à leur commune actuelle : 3/);
			expect(text).toMatch(/03318 Vitray \[communes-rattachement\.geojson\] → 03168 Meaulne-Vitray/);
			expect(text).toMatch(/Codes non appariés : 1\n {2}- 63127 Creste/);

			const again = importContours(db, [ATTACHMENT_FIXTURE]);
			expect(again.attached).toEqual(report.attached);
			expect(db.select().from(territories).where(eq(territories.code, '03168')).get()?.geometry).toEqual(meaulne.geometry);

			// Without a mapping the former codes are only reported as unmatched.
			const none = importContours(db, [ATTACHMENT_FIXTURE], { formerCommunes: {} });
			expect(none.attached).toEqual([]);
			expect(none.unmatched.map((u) => u.code)).toEqual(['03318', '03123', '03153', '63127']);
		} finally {
			dispose();
		}
	});

	it('fails clearly on a missing path', () => {
		const { db, dispose } = tempDb();
		try {
			expect(() => importContours(db, ['tests/fixtures/nulle-part'])).toThrow(/Chemin introuvable/);
		} finally {
			dispose();
		}
	});
});

const officialDir = process.env.CARTO_OFFICIAL_CONTOURS_DIR;
if (!officialDir) {
	console.warn('[territories-import] CARTO_OFFICIAL_CONTOURS_DIR non défini : test sur les contours officiels ignoré (la CI le définit).');
}

describe.skipIf(!officialDir)('importContours on the official contours (CARTO_OFFICIAL_CONTOURS_DIR)', () => {
	it('finds the directory (a set but missing directory is a failure, not a skip)', () => {
		expect(existsSync(officialDir!), `CARTO_OFFICIAL_CONTOURS_DIR=${officialDir} est introuvable`).toBe(true);
	});

	it('matches the communes, outlines every EPCI, reports vintage mismatches and is idempotent', () => {
		const { db, dispose } = tempDb();
		try {
			const first = importContours(db, [officialDir!]);
			console.log(formatImportReport(first, 10));
			expect(first.matched.communes).toBeGreaterThanOrEqual(1250);
			expect(first.matched.departements).toBe(4);
			// 2018 codes of communes merged since then into a « commune nouvelle »: attached to it.
			expect(first.attached.map((a) => `${a.code}>${a.currentCode}`)).toEqual([
				'15136>15027', // Mourjou -> Puycapel
				'63078>63448', // Chaméane -> Le Vernet-Chaméane
				'63133>63226', // Dallet -> Mur-sur-Allier
				'63330>63109' // Saint-Cirgues-sur-Couze -> Les Deux-Rives
			]);
			// Creste has no successor in the current COG: reported, not an error.
			expect(first.unmatched.map((u) => `${u.code} ${u.name}`)).toEqual(['63127 Creste']);
			for (const u of first.unmatched) expect(u.reason).toMatch(/absent du référentiel/);
			expect(first.skipped).toEqual([]);
			expect(formatImportReport(first)).toMatch(/63330 Saint-Cirgues-sur-Couze \[communes-63-puy-de-dome\.geojson\] → 63109 Les Deux-Rives/);

			// No hole left where Saint-Cirgues-sur-Couze was, in Les Deux-Rives nor in CA Agglo Pays d'Issoire.
			const official = JSON.parse(readFileSync(join(officialDir!, 'communes-63-puy-de-dome.geojson'), 'utf8')) as {
				features: { properties: { code: string }; geometry: AreaGeometry }[];
			};
			const feature2018 = (code: string) => official.features.find((f) => f.properties.code === code)!.geometry;
			const inSaintCirgues = pointOnFeature(feature2018('63330'));
			const geometryOf = (code: string) => db.select().from(territories).where(eq(territories.code, code)).get()!.geometry!;
			const deuxRives = geometryOf('63109');
			expect(booleanPointInPolygon(inSaintCirgues, deuxRives)).toBe(true);
			const expectedArea = area(feature2018('63109')) + area(feature2018('63330'));
			expect(Math.abs(area(deuxRives) - expectedArea) / expectedArea).toBeLessThan(0.02);
			const issoire = geometryOf('200070407');
			expect(booleanPointInPolygon(inSaintCirgues, issoire)).toBe(true);

			const epcis = db.select().from(territories).where(eq(territories.kind, 'epci')).all();
			expect(epcis.length).toBeGreaterThanOrEqual(40);
			expect(first.epci.built).toBe(epcis.length);
			expect(first.epci.missing).toEqual([]);
			for (const e of epcis) {
				expect(e.geometry?.type, e.name).toMatch(/^(Multi)?Polygon$/);
				expect(e.centroidPrecision).toBe('contour');
				expect(e.bbox).toHaveLength(4);
			}
			const communes = db.select().from(territories).where(eq(territories.kind, 'commune')).all();
			expect(communes.filter((c) => c.centroidPrecision === 'contour').length).toBe(first.matched.communes);
			const snapshot = db
				.select({ code: territories.code, geometry: territories.geometry, lon: territories.centroidLon, bbox: territories.bbox })
				.from(territories)
				.where(inArray(territories.kind, ['commune', 'epci', 'departement']))
				.all();

			const second = importContours(db, [officialDir!]);
			expect(second.matched).toEqual(first.matched);
			expect(second.unmatched).toEqual(first.unmatched);
			expect(second.attached).toEqual(first.attached);
			expect(second.epci.built).toBe(first.epci.built);
			expect(territoryCount(db)).toBe(communes.length + epcis.length + 5);
			const again = db
				.select({ code: territories.code, geometry: territories.geometry, lon: territories.centroidLon, bbox: territories.bbox })
				.from(territories)
				.where(inArray(territories.kind, ['commune', 'epci', 'departement']))
				.all();
			expect(again).toEqual(snapshot);
			expect(first.durationMs).toBeLessThan(20_000);

			// Before the attachment (no mapping), the EPCI outline had a hole there and a smaller area.
			const without = tempDb();
			try {
				const report = importContours(without.db, [officialDir!], { formerCommunes: {} });
				expect(report.unmatched.map((u) => u.code).sort()).toEqual(['15136', '63078', '63127', '63133', '63330']);
				const holed = without.db.select().from(territories).where(eq(territories.code, '200070407')).get()!.geometry!;
				expect(booleanPointInPolygon(inSaintCirgues, holed)).toBe(false);
				expect(area(issoire)).toBeGreaterThan(area(holed) + 0.9 * area(feature2018('63330')));
			} finally {
				without.dispose();
			}
		} finally {
			dispose();
		}
	});
});
