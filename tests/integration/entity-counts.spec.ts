/**
 * Issue 18: the directory's totals are cached per filter and data revision. A cached count is served while
 * nothing moved, and every kind of write the filters can see moves a revision, so the next count is right.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoDbForFile, freshDb, insertSmallTerritories } from './fresh-db';
import type { Db } from '../../src/lib/server/db/index';
import { SYSTEM_ACTOR } from '../../src/lib/history/revision';
import { parseParams } from '../../src/lib/server/services/params';
import { entityFiltersSchema } from '../../src/lib/domain/filters';
import { createEntities, deleteEntity, updateEntity } from '../../src/lib/server/services/entity-write.service';
import { entityCount, entityFacetCounts } from '../../src/lib/server/services/entity-counts';
import { listEntitiesApi } from '../../src/lib/server/services/entity-api.service';

let ctx: ReturnType<typeof freshDb>;
const filters = (qs: string) => parseParams(entityFiltersSchema, new URLSearchParams(qs));
const edit = { actor: SYSTEM_ACTOR, reason: '' };
const count = (qs: string) => entityCount(ctx.db, filters(qs));
let ids: number[];

beforeEach(() => {
	ctx = freshDb();
	insertSmallTerritories(ctx.db);
	ids = createEntities(ctx.db, [
		{ slug: 'a', kind: 'organisation', category: 'incubator', name: 'Alpha', communeCode: '63113', summary: 'incubateur' },
		{ slug: 'b', kind: 'organisation', category: 'startup', name: 'Beta', communeCode: '15014' },
		{ slug: 'c', kind: 'third_place', category: 'coworking', name: 'Gamma', communeCode: '63113' }
	]);
});
afterEach(() => ctx.close());

describe('totals cached per data revision', () => {
	it('serves a count from the cache while no revision moved', () => {
		expect(count('')).toBe(3);
		// A row written behind the triggers' back (the revision put back): the cache answers, so it was used.
		const revision = ctx.db.$client.prepare("select value from meta where key = 'graph_revision'").pluck().get();
		createEntities(ctx.db, [{ slug: 'd', kind: 'event', category: 'meetup', name: 'Delta' }]);
		ctx.db.$client.prepare("update meta set value = ? where key = 'graph_revision'").run(revision);
		expect(count('')).toBe(3);
		ctx.db.$client.prepare("update meta set value = value + 1 where key = 'graph_revision'").run();
		expect(count('')).toBe(4);
	});

	it('a creation, an edit of a filtered field, a deletion: the next count is right', () => {
		expect([count(''), count('kind=organisation'), count('category=startup')]).toEqual([3, 2, 1]);
		createEntities(ctx.db, [{ slug: 'd', kind: 'organisation', category: 'startup', name: 'Delta' }]);
		expect([count(''), count('kind=organisation'), count('category=startup')]).toEqual([4, 3, 2]);
		updateEntity(ctx.db, ids[1]!, { kind: 'third_place', category: 'coworking' }, { ...edit, expectedVersion: 1 });
		expect([count('kind=organisation'), count('category=startup'), count('kind=third_place')]).toEqual([2, 1, 2]);
		expect(Object.fromEntries(entityFacetCounts(ctx.db, filters(''), 'kind'))).toEqual({ organisation: 2, third_place: 2 });
		deleteEntity(ctx.db, ids[2]!, { ...edit, expectedVersion: 1 });
		expect([count(''), count('kind=third_place')]).toEqual([3, 1]);
		expect(Object.fromEntries(entityFacetCounts(ctx.db, filters(''), 'kind'))).toEqual({ organisation: 2, third_place: 1 });
		expect(listEntitiesApi(ctx.db, new URLSearchParams()).total).toBe(3);
	});

	it('a sector keeps the arrays holding it, not the ones where its name is only part of a text', () => {
		const setSectors = ctx.db.$client.prepare('update entities set sectors = ? where id = ?');
		setSectors.run(JSON.stringify(['digital', 'sport']), ids[0]);
		setSectors.run(JSON.stringify(['digital_health']), ids[1]);
		// Written as JSON, this text holds `"digital"` (its escaped quote, then the closing one).
		setSectors.run(JSON.stringify(['a "digital']), ids[2]);
		ctx.db.$client.prepare("update meta set value = value + 1 where key = 'graph_revision'").run();
		expect(count('sector=digital')).toBe(1);
		expect(count('sector=digital&sector=sport')).toBe(1);
		expect(listEntitiesApi(ctx.db, new URLSearchParams('sector=digital')).items.map((e) => e.slug)).toEqual(['a']);
	});

	it('a text edit moves the search revision only, and the text filter sees it', () => {
		expect(count('q=incubateur')).toBe(1);
		updateEntity(ctx.db, ids[2]!, { summary: 'un incubateur aussi' }, { ...edit, expectedVersion: 1 });
		expect(count('q=incubateur')).toBe(2);
	});

	it('a commune moving to another département moves the territory revision, and the territory filter sees it', () => {
		expect(count('territory=63')).toBe(2);
		ctx.db.$client.prepare("update territories set departement_code = '15' where code = '63113'").run();
		expect(count('territory=63')).toBe(0);
		expect(count('territory=15')).toBe(3);
	});

	it('inside a transaction, counts are computed, not cached: a rolled back write leaves no wrong total', () => {
		expect(count('')).toBe(3);
		try {
			ctx.db.transaction(() => {
				createEntities(ctx.db, [{ slug: 'd', kind: 'event', category: 'meetup', name: 'Delta' }]);
				expect(count('')).toBe(4);
				throw new Error('rollback');
			});
		} catch {
			// the rollback is the point
		}
		expect(count('')).toBe(3);
		createEntities(ctx.db, [{ slug: 'e', kind: 'event', category: 'meetup', name: 'Epsilon' }]);
		expect(count('')).toBe(4);
	});

	it('the same filters in another order share an entry; kinds written twice count once', () => {
		expect(count('kind=organisation&kind=third_place')).toBe(3);
		expect(count('kind=third_place&kind=organisation&kind=organisation')).toBe(3);
	});
});

describe('the total and both facets are sums of one count per kind and category', () => {
	let demo: Db;
	demoDbForFile((db) => (demo = db));

	it('equal SQL counts for every mix of kinds, categories, sector and territory on the demo ecosystem', () => {
		const sql = (where: string, params: unknown[]) =>
			demo.$client
				.prepare(`select count(*) from entities where status = 'published' and deleted_at is null ${where}`)
				.pluck()
				.get(...params) as number;
		const inList = (column: string, values: string[]) => (values.length ? ` and ${column} in (${values.map(() => '?').join(',')})` : '');
		const kinds = [[], ['organisation'], ['organisation', 'third_place'], ['person']];
		const categories = [[], ['startup'], ['incubator', 'coworking']];
		const others = ['', 'sector=agrifood', 'territory=63'];
		let nonZero = 0;
		for (const kind of kinds)
			for (const category of categories)
				for (const other of others) {
					const qs = [...kind.map((k) => `kind=${k}`), ...category.map((c) => `category=${c}`), other].filter(Boolean).join('&');
					const f = parseParams(entityFiltersSchema, new URLSearchParams(qs));
					const extra =
						(other.startsWith('sector') ? ` and exists (select 1 from json_each(sectors) where value = 'agrifood')` : '') +
						(other.startsWith('territory') ? ` and commune_code in (select code from territories where departement_code = '63')` : '');
					const expected = sql(inList('kind', kind) + inList('category', category) + extra, [...kind, ...category]);
					expect(entityCount(demo, f), qs).toBe(expected);
					if (expected > 0) nonZero++;
					// Each facet as the directory asks it: its own choice set aside.
					const kindFacet = entityFacetCounts(demo, { ...f, kind: [] }, 'kind');
					for (const k of ['organisation', 'third_place', 'person', 'event'])
						expect(kindFacet.get(k) ?? 0, `${qs} kind ${k}`).toBe(sql(inList('kind', [k]) + inList('category', category) + extra, [k, ...category]));
					const categoryFacet = entityFacetCounts(demo, { ...f, category: [] }, 'category');
					for (const [c, n] of categoryFacet) expect(n, `${qs} category ${c}`).toBe(sql(inList('kind', kind) + inList('category', [c]) + extra, [...kind, c]));
					expect(
						[...categoryFacet.values()].reduce((a, b) => a + b, 0),
						qs
					).toBe(sql(inList('kind', kind) + extra, kind));
				}
		expect(nonZero).toBeGreaterThan(15);
	});
});
