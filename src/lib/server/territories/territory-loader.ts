import { readFileSync } from 'node:fs';
import { count, sql } from 'drizzle-orm';
import type { Db } from '$lib/server/db';
import { territories } from '$lib/server/db/schema';
import { DEFAULT_TERRITORIES_FILE, IMPORTED_GEOMETRY_PREFIX, territoryDataFileSchema, type TerritoryDataFile } from './territory-data';
import { applyEmbeddedOutlines, outlinesFileFor } from './embedded-outlines';

export function readTerritoryData(file = DEFAULT_TERRITORIES_FILE): TerritoryDataFile {
	let raw: unknown;
	try {
		raw = JSON.parse(readFileSync(file, 'utf8'));
	} catch (cause) {
		throw new Error(`Fichier des territoires illisible : ${file}`, { cause });
	}
	const parsed = territoryDataFileSchema.safeParse(raw);
	if (!parsed.success) {
		const first = parsed.error.issues[0];
		throw new Error(`Fichier des territoires invalide (${file}) : ${first?.path.join('.')} ${first?.message ?? ''}`);
	}
	return parsed.data;
}

/**
 * Upserts the embedded default territories in one transaction. Idempotent: names, links, populations and
 * postal codes are refreshed, but an official outline already imported (geometrySource 'import:…') and
 * its centroid/bbox are kept. `inserted` counts new rows, `updated` rows that already existed.
 * The embedded official outlines next to the data file (outlines.topo.json) are then applied, under the
 * imported ones; `outlines: false` skips them (the outlines generator must not read its own output).
 */
export function loadTerritories(
	db: Db,
	file = DEFAULT_TERRITORIES_FILE,
	options: { outlines?: boolean } = {}
): { inserted: number; updated: number; outlined: number } {
	const data = readTerritoryData(file);
	const before = territoryCount(db);
	const keepImported = (column: string) =>
		sql.raw(`case when territories.geometry_source like '${IMPORTED_GEOMETRY_PREFIX}%' then territories.${column} else excluded.${column} end`);
	db.transaction((tx) => {
		for (const row of data.territories) {
			tx.insert(territories)
				.values(row)
				.onConflictDoUpdate({
					target: territories.code,
					set: {
						kind: sql`excluded.kind`,
						name: sql`excluded.name`,
						parentCode: sql`excluded.parent_code`,
						regionCode: sql`excluded.region_code`,
						departementCode: sql`excluded.departement_code`,
						epciCode: sql`excluded.epci_code`,
						population: sql`excluded.population`,
						postalCodes: sql`excluded.postal_codes`,
						centroidLon: keepImported('centroid_lon'),
						centroidLat: keepImported('centroid_lat'),
						centroidPrecision: keepImported('centroid_precision'),
						bbox: keepImported('bbox'),
						geometry: keepImported('geometry'),
						geometrySource: keepImported('geometry_source'),
						source: sql`excluded.source`,
						vintage: sql`excluded.vintage`,
						updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`
					}
				})
				.run();
		}
	});
	const inserted = territoryCount(db) - before;
	const outlined = options.outlines === false ? 0 : applyEmbeddedOutlines(db, outlinesFileFor(file));
	return { inserted, updated: data.territories.length - inserted, outlined };
}

export function territoryCount(db: Db): number {
	return db.select({ n: count() }).from(territories).get()?.n ?? 0;
}

/** For the seed and `npm start`: loads the defaults only when the table is empty. */
export function ensureTerritories(db: Db, file = DEFAULT_TERRITORIES_FILE): { inserted: number } {
	if (territoryCount(db) > 0) return { inserted: 0 };
	return { inserted: loadTerritories(db, file).inserted };
}
