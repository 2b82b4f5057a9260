import { sql } from 'drizzle-orm';
import type { Db } from '../db/index';
import { entities } from '../db/schema';
import { loadTerritories } from '../territories/territory-loader';
import { territoryCount } from '../repos/territory.repo';
import { seedDemo } from '../seed/index';
import { refreshSearchText } from '../services/search-text.service';

export interface PrepareReport {
	territories: number;
	territoriesLoaded: boolean;
	entities: number;
	seeded: boolean;
	/** Rows whose derived search text was rewritten by a newer version of the search (0 usually). */
	searchTextRefreshed: number;
}

/**
 * Loads what an empty database needs to be useful; never touches a database's content. Derived search text
 * written by an older version of the search is brought up to date (it is an index, not content).
 */
export function prepareDatabase(db: Db, options: { demo?: boolean } = {}): PrepareReport {
	let territoriesLoaded = false;
	if (territoryCount(db) === 0) {
		loadTerritories(db);
		territoriesLoaded = true;
	}
	const count = () =>
		db
			.select({ n: sql<number>`count(*)` })
			.from(entities)
			.get()?.n ?? 0;
	// Before the demo: an empty database only records that its search text is current; the demo writes it so.
	const searchTextRefreshed = refreshSearchText(db);
	let seeded = false;
	if ((options.demo ?? process.env.CARTO_DEMO !== 'false') && count() === 0) {
		seedDemo(db);
		seeded = true;
	}
	return { territories: territoryCount(db), territoriesLoaded, entities: count(), seeded, searchTextRefreshed };
}
