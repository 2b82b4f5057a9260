import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { entities, territories } from '../db/schema';

/** Every commune of the scope with what a search by name, postcode or INSEE code reads. */
export function communeSearchRows(db: Db) {
	return db
		.select({
			code: territories.code,
			name: territories.name,
			population: territories.population,
			departementCode: territories.departementCode,
			postalCodes: territories.postalCodes,
			centroidLon: territories.centroidLon,
			centroidLat: territories.centroidLat
		})
		.from(territories)
		.where(eq(territories.kind, 'commune'))
		.all();
}

/** A commune's centre, how it was placed, and the names its distances' note needs. */
export function communePlaceRow(db: Db, code: string) {
	const commune = db
		.select({
			code: territories.code,
			name: territories.name,
			departementCode: territories.departementCode,
			epciCode: territories.epciCode,
			lon: territories.centroidLon,
			lat: territories.centroidLat,
			centroidPrecision: territories.centroidPrecision
		})
		.from(territories)
		.where(and(eq(territories.code, code), eq(territories.kind, 'commune')))
		.get();
	if (!commune) return undefined;
	const departementName = commune.departementCode
		? (db.select({ name: territories.name }).from(territories).where(eq(territories.code, commune.departementCode)).get()?.name ?? null)
		: null;
	// The seat is the member commune with a point of its own at the same place (see data/territories/README.md).
	const seatName =
		commune.centroidPrecision === 'epci_seat' && commune.epciCode && commune.lon != null && commune.lat != null
			? (db
					.select({ name: territories.name })
					.from(territories)
					.where(
						and(
							eq(territories.kind, 'commune'),
							eq(territories.epciCode, commune.epciCode),
							inArray(territories.centroidPrecision, ['geonames', 'contour']),
							sql`abs(${territories.centroidLon} - ${commune.lon}) < 1e-6 and abs(${territories.centroidLat} - ${commune.lat}) < 1e-6`
						)
					)
					.get()?.name ?? null)
			: null;
	return { ...commune, departementName, seatName };
}

/** How each actor's point was placed: its own precision, and its commune's centre and intercommunality. */
export function entityPlaceRows(db: Db, ids: number[]) {
	const rows = [];
	// SQLite caps the bound parameters of one statement: the finder asks for thousands at the 10k scale.
	for (let i = 0; i < ids.length; i += 5000) rows.push(...entityPlaceChunk(db, ids.slice(i, i + 5000)));
	return rows;
}

function entityPlaceChunk(db: Db, ids: number[]) {
	return db
		.select({
			id: entities.id,
			coordPrecision: entities.coordPrecision,
			communeCode: entities.communeCode,
			epciCode: territories.epciCode,
			centroidPrecision: territories.centroidPrecision
		})
		.from(entities)
		.leftJoin(territories, eq(territories.code, entities.communeCode))
		.where(inArray(entities.id, ids))
		.all();
}
