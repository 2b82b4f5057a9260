import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, type Db } from '../../src/lib/server/db/index';
import { afterAll, beforeAll } from 'vitest';
import { territories } from '../../src/lib/server/db/schema';
import { loadTerritories } from '../../src/lib/server/territories/territory-loader';
import { seedDemo } from '../../src/lib/server/seed/index';

/** A real SQLite file built by the real migrations, removed by `close()`. */
export function freshDb(): { db: Db; path: string; close: () => void } {
	const dir = mkdtempSync(join(tmpdir(), 'carto-test-'));
	const path = join(dir, 'test.db');
	const db = openDb(path);
	return {
		db,
		path,
		close: () => {
			db.$client.close();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

/**
 * One database for a whole test file: the embedded territories and the fictional demo, as `npm start` makes
 * it; `use` receives it (and its file's path) before the first test, and the file is removed after the last.
 */
export function demoDbForFile(use: (db: Db, path: string) => void): void {
	let ctx: ReturnType<typeof freshDb> | undefined;
	beforeAll(() => {
		ctx = freshDb();
		loadTerritories(ctx.db);
		seedDemo(ctx.db);
		use(ctx.db, ctx.path);
	});
	afterAll(() => ctx?.close());
}

/** A handful of real territories (codes and names from INSEE) for tests that do not need all of Auvergne. */
export function insertSmallTerritories(db: Db) {
	const base = { source: 'test', vintage: '2025' };
	db.insert(territories)
		.values([
			{ ...base, code: '84', kind: 'region', name: 'Auvergne-Rhône-Alpes', population: 8_000_000 },
			{ ...base, code: '63', kind: 'departement', name: 'Puy-de-Dôme', parentCode: '84', regionCode: '84', population: 660_000 },
			{ ...base, code: '15', kind: 'departement', name: 'Cantal', parentCode: '84', regionCode: '84', population: 144_000 },
			{
				...base,
				code: '246300701',
				kind: 'epci',
				name: 'Clermont Auvergne Métropole',
				parentCode: '63',
				regionCode: '84',
				departementCode: '63',
				population: 296_000
			},
			{
				...base,
				code: '241500230',
				kind: 'epci',
				name: "CA du Bassin d'Aurillac",
				parentCode: '15',
				regionCode: '84',
				departementCode: '15',
				population: 53_000
			},
			{
				...base,
				code: '63113',
				kind: 'commune',
				name: 'Clermont-Ferrand',
				parentCode: '246300701',
				regionCode: '84',
				departementCode: '63',
				epciCode: '246300701',
				population: 146_351,
				centroidLon: 3.1147,
				centroidLat: 45.7871
			},
			{
				...base,
				code: '15014',
				kind: 'commune',
				name: 'Aurillac',
				parentCode: '241500230',
				regionCode: '84',
				departementCode: '15',
				epciCode: '241500230',
				population: 25_000,
				centroidLon: 2.4397,
				centroidLat: 44.9264
			}
		])
		.run();
}
