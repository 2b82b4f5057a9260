/**
 * The results' facets are counted from the graph's index and each commune's département (issue 18: no
 * longer every actor read again after each change): they must still say what the database says, right after
 * an actor moves or a commune changes département.
 */
import { describe, expect, it } from 'vitest';
import { demoDbForFile } from './fresh-db';
import type { Db } from '../../src/lib/server/db/index';
import { search } from '../../src/lib/server/services/search.service';

let db: Db;
demoDbForFile((d) => (db = d));

/** The same counts straight from the tables, for the ids the query finds. */
function countedInDatabase(q: string): Map<string, number> {
	const found = search(db, q, { limit: 10_000 }).hits.map((h) => h.id);
	const rows = db.$client
		.prepare(
			`select t.departement_code as code, count(*) as n from entities e join territories t on t.code = e.commune_code
			 where e.id in (${found.join(',')}) group by t.departement_code`
		)
		.all() as { code: string; n: number }[];
	return new Map(rows.map((r) => [r.code, r.n]));
}

const facetOf = (q: string) => new Map(search(db, q).facets.departement.map((f) => [f.code, f.count]));

describe('facettes de la recherche', () => {
	it('count by département as the tables do', () => {
		expect(facetOf('incubateurs')).toEqual(countedInDatabase('incubateurs'));
	});

	it('follow an actor moved to another département at once', () => {
		const before = facetOf('incubateurs');
		const moved = db.$client
			.prepare(
				`select e.id from entities e join territories t on t.code = e.commune_code where t.departement_code = '63' and e.status = 'published' and e.deleted_at is null and e.id in (${search(
					db,
					'incubateurs',
					{ limit: 10_000 }
				)
					.hits.map((h) => h.id)
					.join(',')})`
			)
			.pluck()
			.get() as number;
		db.$client.prepare(`update entities set commune_code = '15014' where id = ?`).run(moved);
		const after = facetOf('incubateurs');
		expect(after.get('63')).toBe(before.get('63')! - 1);
		expect(after.get('15')).toBe((before.get('15') ?? 0) + 1);
		expect(after).toEqual(countedInDatabase('incubateurs'));
	});

	it('follow a commune given to another département (the territories’ revision)', () => {
		const before = facetOf('incubateurs');
		const inAurillac = countedInDatabase('incubateurs').get('15')!;
		db.$client.prepare(`update territories set departement_code = '43' where code = '15014'`).run();
		const after = facetOf('incubateurs');
		expect(after).toEqual(countedInDatabase('incubateurs'));
		expect(after.get('15') ?? 0).toBeLessThan(inAurillac);
		expect(after.get('43')).toBeGreaterThan(before.get('43') ?? 0);
	});
});
