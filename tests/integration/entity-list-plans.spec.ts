/**
 * Issue 18: the list of actors must not sort or count the whole table per request. Plans read by SQLite's
 * EXPLAIN QUERY PLAN on a database built by the real migrations and filled with 20,000 actors (written with
 * one INSERT … SELECT: the scale seed takes over 30 s for as many, and the plans do not depend on the number of
 * rows: nothing runs ANALYZE, so SQLite chooses from the schema alone; 20,000 makes a wrong plan visible in time).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from './fresh-db';
import { kindCategoryCountsQuery, listEntitiesQuery, type NameKey } from '../../src/lib/server/repos/entity.repo';
import { listEntitiesApi } from '../../src/lib/server/services/entity-api.service';
import { parseDirectoryQuery } from '../../src/lib/server/services/directory.service';
import { pageByNameIndex } from '../../src/lib/server/services/entity-counts';
import type { Db } from '../../src/lib/server/db/index';

const ACTORS = 20_000;
let ctx: ReturnType<typeof freshDb>;
let db: Db;

beforeAll(() => {
	ctx = freshDb();
	db = ctx.db;
	db.$client.exec(`
		with recursive n(x) as (select 1 union all select x + 1 from n where x < ${ACTORS})
		insert into entities (slug, kind, category, name, status)
		select 'acteur-' || x,
			case x % 4 when 0 then 'person' when 1 then 'organisation' when 2 then 'third_place' else 'event' end,
			'startup',
			case x % 5 when 0 then 'Atelier' when 1 then 'école' when 2 then 'Zénith' when 3 then 'bureau' else 'COLLECTIF' end
				|| ' ' || ((x * 7919) % 5000),
			case when x % 50 = 0 then 'draft' else 'published' end
		from n`);
}, 60_000);
afterAll(() => ctx?.close());

/** A query's plan, one line per step, children indented under their parent. */
function plan(query: { toSQL(): { sql: string; params: unknown[] } }): string[] {
	const { sql, params } = query.toSQL();
	const rows = db.$client.prepare(`explain query plan ${sql}`).all(...params) as { id: number; parent: number; detail: string }[];
	const depth = new Map<number, number>([[0, -1]]);
	return rows.map((r) => {
		const d = (depth.get(r.parent) ?? -1) + 1;
		depth.set(r.id, d);
		return `${'  '.repeat(d)}${r.detail}`;
	});
}

const directory = (qs: string) => parseDirectoryQuery(new URLSearchParams(qs));
/** The API's query: the default order, one row more than the page (whether a next page exists). */
const apiPage = (from: number | NameKey) => listEntitiesQuery(db, { ...directory(''), perPage: 51 }, from);

const COMMUNE_NAME = ['CORRELATED SCALAR SUBQUERY 1', '  SEARCH territories USING INDEX sqlite_autoindex_territories_1 (code=?)'];

describe('plans of the list of actors at 20,000 (EXPLAIN QUERY PLAN)', () => {
	it('API, first page: read from the name index in order, no sort of the table', () => {
		expect(plan(apiPage(0))).toEqual(['SCAN entities USING INDEX entities_name_nocase_idx', ...COMMUNE_NAME]);
	});

	it('API, next page: a range of the name index starting at the cursor (keyset), no offset walked', () => {
		const first = listEntitiesApi(db, new URLSearchParams('limit=50'));
		const cursor = JSON.parse(Buffer.from(first.next!, 'base64url').toString()) as { n: string; i: number };
		expect(plan(apiPage({ name: cursor.n, id: cursor.i }))).toEqual(['SEARCH entities USING INDEX entities_name_nocase_idx (name>?)', ...COMMUNE_NAME]);
	});

	it('/acteurs, first page and a page number, both directions: the name index, no temp B-tree', () => {
		expect(plan(listEntitiesQuery(db, directory(''), 0))).toEqual(['SCAN entities USING INDEX entities_name_nocase_idx', ...COMMUNE_NAME]);
		expect(plan(listEntitiesQuery(db, directory('page=3'), 100))).toEqual(['SCAN entities USING INDEX entities_name_nocase_idx', ...COMMUNE_NAME]);
		expect(plan(listEntitiesQuery(db, directory('dir=desc'), 0))).toEqual(['SCAN entities USING INDEX entities_name_nocase_idx', ...COMMUNE_NAME]);
	});

	it('the total reads a whole index (since 0021 one that carries the filtered columns, not the table): hence cached per data revision', () => {
		const total = plan(kindCategoryCountsQuery(db, directory('')));
		expect(total).toHaveLength(1);
		expect(total[0]).toMatch(/^SCAN entities USING COVERING INDEX entities_(kind|commune|category_name|place)_idx$/);
	});

	it('a kind filter: the name index when the kind is common enough to fill a page soon, else the kind and name index', () => {
		const organisations = directory('kind=organisation');
		expect(pageByNameIndex(db, organisations, 51)).toBe(true);
		expect(plan(listEntitiesQuery(db, organisations, 0, true))).toEqual(['SCAN entities USING INDEX entities_name_nocase_idx', ...COMMUNE_NAME]);
		// Left to SQLite: since migration 0018, the kind's entries of entities_kind_name_idx, already in name order.
		expect(plan(listEntitiesQuery(db, organisations, 0))).toEqual(['SEARCH entities USING INDEX entities_kind_name_idx (kind=?)', ...COMMUNE_NAME]);
		// No actor in the Cantal: walking the name index would read all 20,000 to find none.
		expect(pageByNameIndex(db, directory('kind=organisation&territory=15'), 51)).toBe(false);
	});

	it('the API walks the 19,600 published actors with `next`, each once, in the index order', () => {
		const ids: number[] = [];
		let next: string | null = null;
		let pages = 0;
		do {
			const page = listEntitiesApi(db, new URLSearchParams(next ? { limit: '200', cursor: next } : { limit: '200' }));
			expect(page.total).toBe(ACTORS - ACTORS / 50);
			ids.push(...page.items.map((e) => e.id));
			next = page.next;
			pages++;
		} while (next);
		expect(pages).toBe(Math.ceil((ACTORS - ACTORS / 50) / 200));
		const expected = db.$client
			.prepare(`select id from entities where status = 'published' and deleted_at is null order by name collate nocase, id`)
			.pluck()
			.all();
		expect(ids).toEqual(expected);
	});
});
