import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb, insertSmallTerritories } from './fresh-db';
import { territories } from '../../src/lib/server/db/schema';
import { frenchSortKey } from '../../src/lib/server/db/index';
import { createEntities } from '../../src/lib/server/services/entity-write.service';
import { listDirectory, parseDirectoryQuery } from '../../src/lib/server/services/directory.service';

let ctx: ReturnType<typeof freshDb>;

beforeEach(() => {
	ctx = freshDb();
	insertSmallTerritories(ctx.db);
	const commune = (code: string, name: string) => ({
		code,
		name,
		kind: 'commune' as const,
		parentCode: '63',
		regionCode: '84',
		departementCode: '63',
		source: 'test',
		vintage: '2025'
	});
	ctx.db
		.insert(territories)
		.values([commune('63338', 'Saint-Éloy-les-Mines'), commune('63342', 'Saint-Floret'), commune('63150', 'Ébreuil')])
		.run();
	createEntities(ctx.db, [
		{ slug: 'a', kind: 'third_place', category: 'coworking', name: 'Le Cowork', communeCode: '63342' },
		{ slug: 'b', kind: 'third_place', category: 'coworking', name: 'La Passerelle', communeCode: '63338' },
		{ slug: 'c', kind: 'third_place', category: 'coworking', name: 'Le Comptoir', communeCode: '63150' },
		{ slug: 'd', kind: 'third_place', category: 'coworking', name: 'La Grange', communeCode: '63113' }
	]);
});
afterEach(() => ctx.close());

const communes = (query: string) => listDirectory(ctx.db, parseDirectoryQuery(new URLSearchParams(query))).items.map((e) => e.communeName);

describe('tri par commune de l’annuaire', () => {
	it('follows French alphabetical order: accents do not send « Saint-Éloy » after « Saint-Floret »', () => {
		const expected = ['Clermont-Ferrand', 'Ébreuil', 'Saint-Éloy-les-Mines', 'Saint-Floret'];
		expect(communes('sort=commune')).toEqual(expected);
		expect(communes('sort=commune&dir=desc')).toEqual([...expected].reverse());
		expect([...expected].sort((a, b) => a.localeCompare(b, 'fr'))).toEqual(expected);
	});

	it('folds accents, ligatures and case in the sort key', () => {
		expect(frenchSortKey('Saint-Éloy-les-Mines')).toBe('saint-eloy-les-mines');
		expect(frenchSortKey('Œuvre ÇA')).toBe('oeuvre ca');
	});
});
