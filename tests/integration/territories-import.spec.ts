import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { territories } from '$lib/server/db/schema';
import { formatImportReport, importContours } from '$lib/server/territories/import-contours';
import { loadTerritories, territoryCount } from '$lib/server/territories/territory-loader';
import { tempDb } from './territories-helpers';

const FIXTURE_DIR = 'tests/fixtures/contours';

describe('importContours on the hand-made fixture', () => {
	it('matches, repairs, skips and reports without failing, then dissolves the EPCI', () => {
		const { db, dispose } = tempDb();
		try {
			const report = importContours(db, [FIXTURE_DIR]);
			expect(territoryCount(db)).toBeGreaterThan(1287); // defaults loaded first
			expect(report.features).toBe(7);
			expect(report.matched).toEqual({ communes: 4, departements: 0 });
			expect(report.unmatched.map((u) => u.code)).toEqual(['03999']);
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

			// Four communes are not a département: the default outline stays.
			const allier = db.select().from(territories).where(eq(territories.code, '03')).get()!;
			expect(allier.geometrySource).toMatch(/Natural Earth/);
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
	console.warn(
		'[territories-import] CARTO_OFFICIAL_CONTOURS_DIR non défini : test sur les contours officiels ignoré (la CI le définit).'
	);
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
			// 2018 codes of communes merged since then: reported, not errors.
			expect(first.unmatched.length).toBeGreaterThan(0);
			expect(first.unmatched.length).toBeLessThan(40);
			for (const u of first.unmatched) expect(u.reason).toMatch(/absent du référentiel/);
			expect(first.skipped).toEqual([]);

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
			expect(second.epci.built).toBe(first.epci.built);
			expect(territoryCount(db)).toBe(communes.length + epcis.length + 5);
			const again = db
				.select({ code: territories.code, geometry: territories.geometry, lon: territories.centroidLon, bbox: territories.bbox })
				.from(territories)
				.where(inArray(territories.kind, ['commune', 'epci', 'departement']))
				.all();
			expect(again).toEqual(snapshot);
			expect(first.durationMs).toBeLessThan(20_000);
		} finally {
			dispose();
		}
	});
});
