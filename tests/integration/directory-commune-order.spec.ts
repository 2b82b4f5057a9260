/**
 * The directory sorted by commune reads only the communes a page falls in (issue 18): every page, in both
 * directions and under each kind of filter, must be the one SQLite's full sort gave (listEntities with the same
 * order), including actors without a commune (last) and homonymous communes (one group, actors by name).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { demoDbForFile } from './fresh-db';
import type { Db } from '../../src/lib/server/db/index';
import { listEntities } from '../../src/lib/server/repos/entity.repo';
import { pageByCommune } from '../../src/lib/server/services/directory-commune-order';
import { listDirectory, parseDirectoryQuery } from '../../src/lib/server/services/directory.service';

let db: Db;
demoDbForFile((d) => (db = d));

beforeAll(() => {
	const q = (sql: string) => db.$client.prepare(sql);
	// Actors in homonymous communes (three « Beaulieu ») and without a commune, among the demo's.
	const beaulieus = q(`select code from territories where kind = 'commune' and name = 'Beaulieu'`).pluck().all() as string[];
	expect(beaulieus.length).toBeGreaterThan(1);
	const some = q(`select id from entities where status = 'published' and deleted_at is null and kind <> 'person' order by id limit 8`)
		.pluck()
		.all() as number[];
	some.slice(0, 6).forEach((id, i) => q('update entities set commune_code = ? where id = ?').run(beaulieus[i % beaulieus.length], id));
	for (const id of some.slice(6)) q('update entities set commune_code = null, lon = null, lat = null where id = ?').run(id);
});

const cases = [
	'',
	'kind=organisation',
	'territory=63',
	'territory=15&kind=third_place',
	'sector=agrifood',
	'q=incubateur',
	'category=fablab&category=coworking'
];

describe('/acteurs?sort=commune', () => {
	it('gives every page SQLite’s full sort gave, both ways, whatever the filters', () => {
		let pages = 0;
		for (const filters of cases)
			for (const dir of ['asc', 'desc'])
				for (const perPage of [7, 24]) {
					const query = parseDirectoryQuery(new URLSearchParams(`${filters}&sort=commune&dir=${dir}&perPage=${perPage}`));
					const total = listDirectory(db, { ...query, page: 1 }).total;
					for (let offset = 0; offset <= total; offset += perPage) {
						const expected = listEntities(db, query, offset).map((e) => `${e.communeName} ${e.name} ${e.id}`);
						const got = pageByCommune(db, query, offset).map((e) => `${e.communeName} ${e.name} ${e.id}`);
						expect(got, `${filters} ${dir} ${perPage} @${offset}`).toEqual(expected);
						pages++;
					}
				}
		expect(pages).toBeGreaterThan(100);
	});

	it('puts the actors without a commune last, the homonymous communes’ actors together by name', () => {
		const query = parseDirectoryQuery(new URLSearchParams('sort=commune&perPage=200'));
		const all = Array.from({ length: 20 }, (_, i) => pageByCommune(db, query, i * 200)).flat();
		expect(all.slice(-2).map((e) => e.communeName)).toEqual([null, null]);
		const beaulieu = all.filter((e) => e.communeName === 'Beaulieu');
		expect(beaulieu.length).toBe(6);
		expect(new Set(beaulieu.map((e) => e.communeCode)).size).toBeGreaterThan(1);
		expect(beaulieu.map((e) => e.name)).toEqual([...beaulieu.map((e) => e.name)].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1)));
	});
});
