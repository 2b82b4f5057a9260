import { existsSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { booleanPointInPolygon } from '@turf/turf';
import { eq } from 'drizzle-orm';
import { prepareDatabase } from '$lib/server/setup/prepare';
import { territories } from '$lib/server/db/schema';
import { EMBEDDED_GEOMETRY_SOURCE, EMBEDDED_OUTLINES_FILE, OUTLINES_ATTRIBUTION, type OutlinesTopology } from '$lib/server/territories/embedded-outlines';
import { importContours } from '$lib/server/territories/import-contours';
import { README_END, README_START, generateOutlines, outlinesReadmeSection } from '$lib/server/territories/outlines-generate';
import { loadTerritories } from '$lib/server/territories/territory-loader';
import { tempDb } from './territories-helpers';

const README = 'data/territories/README.md';
const committed = (): OutlinesTopology => JSON.parse(readFileSync(EMBEDDED_OUTLINES_FILE, 'utf8')) as OutlinesTopology;
const generatedSection = (readme: string) => readme.slice(readme.indexOf(README_START), readme.indexOf(README_END) + README_END.length);

describe('embedded official outlines (data/territories/outlines.topo.json)', () => {
	it('is compact and carries its attribution, in the file and in the README', () => {
		expect(statSync(EMBEDDED_OUTLINES_FILE).size).toBeLessThanOrEqual(1_500_000);
		const file = committed();
		expect(file.type).toBe('Topology');
		expect(file.attribution).toBe(OUTLINES_ATTRIBUTION);
		const readme = readFileSync(README, 'utf8');
		expect(readme).toContain('IGN – ADMIN EXPRESS COG 2018, INSEE COG 2018 — Licence Ouverte');
		for (const c of file.missing) expect(generatedSection(readme)).toContain(`- ${c.code} ${c.name}`);
		for (const m of file.merged) expect(generatedSection(readme)).toContain(`- ${m.code} ${m.name} → ${m.currentCode} ${m.currentName}`);
	});

	it('is loaded on an empty database as `npm start` does: every commune outlined or listed as missing, its point inside', () => {
		const { db, dispose } = tempDb();
		try {
			const report = prepareDatabase(db, { demo: false });
			expect(report.territoriesLoaded).toBe(true);
			const rows = db.select().from(territories).all();
			const communes = rows.filter((r) => r.kind === 'commune');
			expect(communes).toHaveLength(1287);
			const missing = committed().missing.map((c) => c.code);
			const outlined = communes.filter((c) => c.geometry !== null);
			expect(outlined.length + missing.length).toBe(1287);
			expect(communes.filter((c) => c.geometry === null).map((c) => c.code)).toEqual(missing);
			expect(missing).toEqual(['15031', '15035', '15047', '15171']);

			for (const r of rows.filter((r) => r.geometry !== null && r.kind !== 'region')) {
				expect(r.geometrySource, r.code).toBe(EMBEDDED_GEOMETRY_SOURCE);
				expect(r.geometry!.type, r.code).toMatch(/^(Multi)?Polygon$/);
				expect(r.centroidPrecision, r.code).toBe('contour');
				const point = [r.centroidLon!, r.centroidLat!];
				// Strictly inside the stored outline, not on its border: a point on surface, not a plain centroid.
				expect(booleanPointInPolygon(point, r.geometry!, { ignoreBoundary: true }), `${r.code} ${r.name}`).toBe(true);
				const [w, s, e, n] = r.bbox!;
				expect(point[0]! >= w && point[0]! <= e && point[1]! >= s && point[1]! <= n, r.code).toBe(true);
			}
			const epci = rows.filter((r) => r.kind === 'epci');
			expect(epci).toHaveLength(46);
			expect(epci.filter((e) => e.geometry === null)).toEqual([]);
			const deps = rows.filter((r) => r.kind === 'departement');
			expect(deps.map((d) => d.geometrySource)).toEqual(Array(4).fill(EMBEDDED_GEOMETRY_SOURCE));

			// A crescent-like commune and Clermont-Ferrand: their own point now, not their intercommunality's seat.
			const clermont = rows.find((r) => r.code === '63113')!;
			expect(clermont.centroidLon).toBeCloseTo(3.11, 1);
			expect(clermont.centroidLat).toBeCloseTo(45.78, 1);
		} finally {
			dispose();
		}
	});

	it('stays under an imported official outline, which keeps priority when the defaults are reloaded', () => {
		const { db, dispose } = tempDb();
		try {
			loadTerritories(db);
			const before = db.select().from(territories).where(eq(territories.code, '03063')).get()!;
			expect(before.geometrySource).toBe(EMBEDDED_GEOMETRY_SOURCE);
			importContours(db, ['tests/fixtures/contours']);
			const imported = db.select().from(territories).where(eq(territories.code, '03063')).get()!;
			expect(imported.geometrySource).toBe('import:communes-fixture.geojson');
			expect(loadTerritories(db).outlined).toBeLessThan(1333);
			const after = db.select().from(territories).where(eq(territories.code, '03063')).get()!;
			expect(after.geometrySource).toBe('import:communes-fixture.geojson');
			expect(after.geometry).toEqual(imported.geometry);
			expect([after.centroidLon, after.centroidLat]).toEqual([imported.centroidLon, imported.centroidLat]);
			// Its neighbours keep the embedded outline.
			expect(db.select().from(territories).where(eq(territories.code, '63113')).get()!.geometrySource).toBe(EMBEDDED_GEOMETRY_SOURCE);
		} finally {
			dispose();
		}
	});
});

const officialDir = process.env.CARTO_OFFICIAL_CONTOURS_DIR;
if (!officialDir) {
	console.warn('[territories-outlines] CARTO_OFFICIAL_CONTOURS_DIR non défini : regénération des contours embarqués non vérifiée (la CI le définit).');
}

describe.skipIf(!officialDir)('embedded outlines regenerated from CARTO_OFFICIAL_CONTOURS_DIR', () => {
	it('gives the committed file byte for byte, and the committed README part', () => {
		expect(existsSync(officialDir!), `CARTO_OFFICIAL_CONTOURS_DIR=${officialDir} est introuvable`).toBe(true);
		const g = generateOutlines(officialDir!);
		expect(g.counts).toEqual({ communes: 1283, epci: 46, departements: 4 });
		const text = readFileSync(EMBEDDED_OUTLINES_FILE, 'utf8');
		expect(g.text.length).toBe(text.length);
		expect(g.text === text, 'npm run territories:outlines puis committer data/territories/').toBe(true);
		expect(generatedSection(readFileSync(README, 'utf8'))).toBe(outlinesReadmeSection(g, Buffer.byteLength(g.text)));
	}, 60_000);
});
