/**
 * Issue 18: a search naming a place shows its actors and the nearest ones; those figures are kept per place
 * until something they show moves (an actor added, moved or hidden; a territory changed), then counted again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb, insertSmallTerritories } from './fresh-db';
import { SYSTEM_ACTOR } from '../../src/lib/history/revision';
import { searchPlaces } from '../../src/lib/server/services/search-places.service';
import { createEntities, updateEntity } from '../../src/lib/server/services/entity-write.service';

describe('a place found by the search', () => {
	const t = freshDb();
	let ids: number[];
	beforeAll(() => {
		insertSmallTerritories(t.db);
		// Centres taken from outlines: distances from them may be said.
		t.db.$client.prepare("update territories set centroid_precision = 'contour' where kind = 'commune'").run();
		ids = createEntities(t.db, [
			{ slug: 'a', kind: 'organisation', category: 'incubator', name: 'Alpha', communeCode: '15014', lon: 2.44, lat: 44.93 },
			{ slug: 'b', kind: 'third_place', category: 'coworking', name: 'Beta', communeCode: '63113', lon: 3.11, lat: 45.78 }
		]);
	});
	afterAll(() => t.close());

	const aurillac = () => searchPlaces(t.db, 'aurillac').find((p) => p.code === '15014')!;

	it('counts its actors and lists the nearest, and says the same while nothing moved', () => {
		const first = aurillac();
		expect(first.inside).toBe(1);
		expect(first.near?.items.map((i) => i.slug)).toEqual(['a']);
		expect(aurillac()).toEqual(first);
		// A move written behind the triggers' back (the revision put back): the kept figures answer, so they were used.
		const revision = t.db.$client.prepare("select value from meta where key = 'graph_revision'").pluck().get();
		const moveA = (commune: string) => {
			t.db.$client.prepare('update entities set commune_code = ? where slug = ?').run(commune, 'a');
			t.db.$client.prepare("update meta set value = ? where key = 'graph_revision'").run(revision);
		};
		moveA('63113');
		expect(aurillac().inside).toBe(1);
		moveA('15014');
	});

	it('counts again after an actor is added, renamed or moved away', () => {
		createEntities(t.db, [{ slug: 'c', kind: 'organisation', category: 'startup', name: 'Gamma', communeCode: '15014', lon: 2.45, lat: 44.92 }]);
		expect(aurillac().inside).toBe(2);
		expect(
			aurillac()
				.near?.items.map((i) => i.name)
				.sort()
		).toEqual(['Alpha', 'Gamma']);

		updateEntity(t.db, ids[0]!, { name: 'Alpha Cantal' }, { actor: SYSTEM_ACTOR, reason: '', expectedVersion: 1 });
		expect(
			aurillac()
				.near?.items.map((i) => i.name)
				.sort()
		).toEqual(['Alpha Cantal', 'Gamma']);

		updateEntity(t.db, ids[0]!, { communeCode: '63113', lon: 3.1, lat: 45.77 }, { actor: SYSTEM_ACTOR, reason: '', expectedVersion: 2 });
		expect(aurillac().inside).toBe(1);
		expect(aurillac().near?.items.map((i) => i.name)).toEqual(['Gamma']);
	});

	it('counts again after its territory changes', () => {
		t.db.$client.prepare("update territories set departement_code = '63' where code = '15014'").run();
		expect(searchPlaces(t.db, 'cantal').find((p) => p.code === '15')?.inside).toBe(0);
		t.db.$client.prepare("update territories set departement_code = '15' where code = '15014'").run();
		expect(searchPlaces(t.db, 'cantal').find((p) => p.code === '15')?.inside).toBe(1);
	});
});
