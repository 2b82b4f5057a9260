import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { territories } from '$lib/server/db/schema';
import { loadTerritories, readTerritoryData, territoryCount } from '$lib/server/territories/territory-loader';
import { tempDb } from './territories-helpers';

const data = readTerritoryData();
const rows = data.territories;
const communes = rows.filter((r) => r.kind === 'commune');
const byCode = new Map(rows.map((r) => [r.code, r]));

describe('embedded default territories (data/territories/territories.json)', () => {
	it('covers the four Auvergne départements of région 84 and their 1,287 communes', () => {
		expect(data.scope).toEqual({ departements: ['03', '15', '43', '63'], regionCode: '84' });
		expect(rows.filter((r) => r.kind === 'region').map((r) => r.code)).toEqual(['84']);
		expect(rows.filter((r) => r.kind === 'departement').map((r) => r.code)).toEqual(['03', '15', '43', '63']);
		expect(communes).toHaveLength(1287);
		expect(new Set(rows.map((r) => r.code)).size).toBe(rows.length);
		expect(byCode.get('03185')?.name).toBe('Montluçon');
	});

	it('links every commune to an EPCI or its département, with a population and postal codes', () => {
		for (const c of communes) {
			expect(c.code).toMatch(/^\d{5}$/);
			expect(['epci', 'departement']).toContain(byCode.get(c.parentCode ?? '')?.kind);
			expect(c.population).toBeGreaterThanOrEqual(0);
			expect(c.postalCodes.length).toBeGreaterThan(0);
		}
		const epcis = rows.filter((r) => r.kind === 'epci');
		expect(epcis.length).toBeGreaterThanOrEqual(40);
		for (const e of epcis) expect(communes.some((c) => c.epciCode === e.code)).toBe(true);
		for (const d of rows.filter((r) => r.kind === 'departement')) {
			const sum = communes.filter((c) => c.departementCode === d.code).reduce((s, c) => s + (c.population ?? 0), 0);
			expect(d.population).toBe(sum);
		}
	});

	it('gives every commune a centroid and says where it comes from', () => {
		for (const c of communes) {
			expect(c.centroidLon).not.toBeNull();
			expect(c.centroidLat).not.toBeNull();
			expect(['geonames', 'epci_seat', 'departement']).toContain(c.centroidPrecision);
			// Auvergne lies roughly within 1.9-4.6 E, 44.1-46.9 N.
			expect(c.centroidLon!).toBeGreaterThan(1.5);
			expect(c.centroidLon!).toBeLessThan(5);
			expect(c.centroidLat!).toBeGreaterThan(44);
			expect(c.centroidLat!).toBeLessThan(47.2);
		}
		const geonames = communes.filter((c) => c.centroidPrecision === 'geonames').length;
		expect(geonames).toBeGreaterThan(200);
		for (const d of rows.filter((r) => r.kind === 'departement')) {
			expect(d.geometry?.type).toMatch(/Polygon/);
			expect(d.centroidPrecision).toBe('contour');
		}
	});

	it('maps the 2018 codes of communes merged since then to their current commune', () => {
		expect(data.formerCommunes).toMatchObject({ '15136': '15027', '63078': '63448', '63330': '63109', '63133': '63226' });
		expect(data.formerCommunes['63127']).toBeUndefined(); // Creste: absent from the current COG
		for (const [former, current] of Object.entries(data.formerCommunes)) {
			expect(byCode.has(former)).toBe(false);
			expect(byCode.get(current)?.kind).toBe('commune');
		}
	});

	it('loads into the database idempotently', () => {
		const { db, dispose } = tempDb();
		try {
			expect(loadTerritories(db)).toMatchObject({ inserted: rows.length, updated: 0 });
			expect(loadTerritories(db)).toMatchObject({ inserted: 0, updated: rows.length });
			expect(territoryCount(db)).toBe(rows.length);
			const montlucon = db.select().from(territories).where(eq(territories.code, '03185')).get();
			expect(montlucon?.postalCodes).toEqual(['03100']);
		} finally {
			dispose();
		}
	});
});
