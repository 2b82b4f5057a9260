import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { TerritoryKind } from '$lib/domain/vocabulary';
import type { Db } from '../db';
import { preparedFor } from '../db/prepared';
import { territories } from '../db/schema';

const summaryColumns = {
	code: territories.code,
	kind: territories.kind,
	name: territories.name,
	parentCode: territories.parentCode,
	population: territories.population
};

export function findTerritory(db: Db, code: string) {
	return db.select().from(territories).where(eq(territories.code, code)).get();
}

export function findTerritorySummaries(db: Db, codes: string[]) {
	if (codes.length === 0) return [];
	// One statement whatever the number of codes (a list of `?` would be a new statement per length).
	return preparedFor(db, 'findTerritorySummaries', (d) =>
		d
			.select(summaryColumns)
			.from(territories)
			.where(sql`${territories.code} in (select value from json_each(${sql.placeholder('codes')}))`)
			.prepare()
	).all({ codes: JSON.stringify(codes) });
}

export function childTerritories(db: Db, code: string) {
	return db
		.select(summaryColumns)
		.from(territories)
		.where(eq(territories.parentCode, code))
		.orderBy(sql`${territories.name} collate nocase`)
		.all();
}

/** Communes of a département or EPCI (all levels below it), for pickers. */
export function listTerritories(db: Db, filter: { kind?: TerritoryKind; parent?: string; code?: string }) {
	const where = [];
	if (filter.kind) where.push(eq(territories.kind, filter.kind));
	if (filter.code) where.push(eq(territories.code, filter.code));
	if (filter.parent) {
		const p = filter.parent;
		where.push(
			sql`(${territories.parentCode} = ${p} or ${territories.departementCode} = ${p} or ${territories.epciCode} = ${p} or ${territories.regionCode} = ${p})`
		);
	}
	return db
		.select()
		.from(territories)
		.where(and(...where))
		.orderBy(asc(territories.kind), asc(territories.code))
		.all();
}

export function territoryCount(db: Db): number {
	return (
		db
			.select({ n: sql<number>`count(*)` })
			.from(territories)
			.get()?.n ?? 0
	);
}

/** Départements, EPCI, and the communes that host at least one published actor (light columns, no outlines). */
export function territoryOptionRows(db: Db) {
	return db
		.select({ code: territories.code, name: territories.name, kind: territories.kind, departementCode: territories.departementCode })
		.from(territories)
		.where(
			// One probe of the commune's index per commune (1,300), not a pass over every listing (100,000: 60-170 ms).
			sql`${territories.kind} in ('departement', 'epci') or (${territories.kind} = 'commune' and exists (
				select 1 from entities e where e.commune_code = ${territories.code} and e.deleted_at is null and e.status = 'published'))`
		)
		.orderBy(sql`${territories.name} collate nocase`)
		.all();
}

/** Territories of one level without their outlines (figures, centroids, whether an outline exists). */
export function territorySummariesOfKind(db: Db, kind: TerritoryKind) {
	return db
		.select({
			code: territories.code,
			name: territories.name,
			population: territories.population,
			departementCode: territories.departementCode,
			centroidLon: territories.centroidLon,
			centroidLat: territories.centroidLat,
			hasOutline: sql<number>`${territories.geometry} is not null`
		})
		.from(territories)
		.where(eq(territories.kind, kind))
		.orderBy(asc(territories.code))
		.all();
}

/** Every territory's name and département by code (what an actor's commune code reads as). */
export function territoryLookupRows(db: Db) {
	return db.select({ code: territories.code, name: territories.name, departementCode: territories.departementCode }).from(territories).all();
}

/** Every commune's EPCI and département, and the names of those (the network's territorial groups). */
export function communeParents(db: Db) {
	const communes = db
		.select({ code: territories.code, epci: territories.epciCode, departement: territories.departementCode })
		.from(territories)
		.where(eq(territories.kind, 'commune'))
		.all();
	const names = db
		.select({ code: territories.code, kind: territories.kind, name: territories.name })
		.from(territories)
		.where(inArray(territories.kind, ['epci', 'departement']))
		.all();
	return { communes, names };
}
