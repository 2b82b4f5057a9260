import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from './fresh-db';
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
