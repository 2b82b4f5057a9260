import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb, insertSmallTerritories } from './fresh-db';
import { loadTerritories } from '../../src/lib/server/territories/territory-loader';
import { placeLookup } from '../../src/lib/server/import/places';

describe('the territory an import covers, on the embedded outlines', () => {
	const t = freshDb();
	beforeAll(() => loadTerritories(t.db));
	afterAll(() => t.close());

	it('keeps a point on the Cantal–Haute-Loire line (in a gap the simplified outlines leave), and still refuses Lyon and Paris', () => {
		const places = placeLookup(t.db);
		// Leyvaux (15): bench:import's sheet put a listing there and the strict import refused it as out of scope.
		expect(places.inScope(3.09106, 45.32459)).toBe(true);
		expect(places.inScope(3.0863, 45.7797)).toBe(true);
		expect(places.inScope(4.8357, 45.764)).toBe(false);
		expect(places.inScope(2.3522, 48.8566)).toBe(false);
		// Just over the Loire border (Saint-Étienne, 42): a few kilometres out is out.
		expect(places.inScope(4.3872, 45.4397)).toBe(false);
	});
});

describe('the communes an import reads, kept between files', () => {
	const t = freshDb();
	beforeAll(() => insertSmallTerritories(t.db));
	afterAll(() => t.close());

	it('are read once, then again after any change to a territory, a name or an outline as much as a code', () => {
		const first = placeLookup(t.db);
		expect(placeLookup(t.db)).toBe(first);
		expect(first.communesByName('Aurillac').map((c) => c.code)).toEqual(['15014']);

		t.db.$client.prepare("update territories set name = 'Aurillac-Ville' where code = '15014'").run();
		const renamed = placeLookup(t.db);
		expect(renamed).not.toBe(first);
		expect(renamed.communesByName('Aurillac-Ville').map((c) => c.code)).toEqual(['15014']);
		expect(placeLookup(t.db)).toBe(renamed);

		t.db.$client.prepare("update territories set centroid_lon = 2.44, centroid_lat = 44.93 where code = '15014'").run();
		const moved = placeLookup(t.db);
		expect(moved).not.toBe(renamed);
		expect(moved.communeByCode('15014')?.centroid).toEqual([2.44, 44.93]);
	});

	it('a connection in a transaction reads its own', () => {
		const outside = placeLookup(t.db);
		t.db.transaction(() => expect(placeLookup(t.db)).not.toBe(outside));
		expect(placeLookup(t.db)).toBe(outside);
	});
});
