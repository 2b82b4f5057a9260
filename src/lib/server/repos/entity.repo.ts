import { and, asc, desc, eq, isNull, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { DirectoryQuery, EntityFilters } from '$lib/domain/filters';
import type { Db } from '../db';
import { entities } from '../db/schema';
import { toFtsQuery } from '../search/fts-query';

export const visible = () => and(isNull(entities.deletedAt), eq(entities.status, 'published'));

const anyOf = (column: SQLWrapper, values: string[]) =>
	sql`${column} in (${sql.join(
		values.map((v) => sql`${v}`),
		sql`, `
	)})`;

/** JSON-array columns: true when the array shares a value with `values`. */
const jsonHasAny = (column: SQLWrapper, values: string[]) =>
	sql`exists (select 1 from json_each(${column}) where json_each.value in (${sql.join(
		values.map((v) => sql`${v}`),
		sql`, `
	)}))`;

export function filterConditions(filters: EntityFilters): SQL[] {
	const where: SQL[] = [visible() as SQL];
	if (filters.kind.length) where.push(anyOf(entities.kind, filters.kind));
	if (filters.category.length) where.push(anyOf(entities.category, filters.category));
	if (filters.sector.length) where.push(jsonHasAny(entities.sectors, filters.sector));
	if (filters.stage.length) where.push(jsonHasAny(entities.stages, filters.stage));
	if (filters.offer.length) where.push(jsonHasAny(entities.offers, filters.offer));
	if (filters.territory) {
		const t = filters.territory;
		where.push(
			sql`${entities.communeCode} in (select code from territories where code = ${t} or epci_code = ${t} or departement_code = ${t} or region_code = ${t})`
		);
	}
	if (filters.q) {
		const match = toFtsQuery(filters.q);
		// Nothing searchable in the text (only punctuation): match nothing rather than everything.
		where.push(match ? sql`${entities.id} in (select rowid from entities_fts where entities_fts match ${match})` : sql`0`);
	}
	return where;
}

const communeName = sql<string | null>`(select name from territories where code = ${entities.communeCode})`;

const listColumns = {
	id: entities.id,
	slug: entities.slug,
	kind: entities.kind,
	category: entities.category,
	name: entities.name,
	summary: entities.summary,
	sectors: entities.sectors,
	stages: entities.stages,
	offers: entities.offers,
	communeCode: entities.communeCode,
	communeName,
	foundedYear: entities.foundedYear,
	lon: entities.lon,
	lat: entities.lat,
	coordPrecision: entities.coordPrecision,
	isDemo: entities.isDemo
};

export type EntityListItem = {
	id: number;
	slug: string;
	kind: string;
	category: string;
	name: string;
	summary: string;
	sectors: string[];
	stages: string[];
	offers: string[];
	communeCode: string | null;
	communeName: string | null;
	foundedYear: number | null;
	lon: number | null;
	lat: number | null;
	coordPrecision: string | null;
	isDemo: boolean;
};

function orderBy(query: DirectoryQuery): SQL[] {
	const direction = query.dir === 'desc' ? desc : asc;
	const byName = sql`${entities.name} collate nocase`;
	switch (query.sort) {
		case 'kind':
			return [direction(entities.kind), asc(byName)];
		case 'category':
			return [direction(entities.category), asc(byName)];
		case 'commune':
			return [direction(sql`coalesce(fr_sort(${communeName}), 'zzz')`), asc(byName)];
		case 'founded':
			return [direction(sql`coalesce(${entities.foundedYear}, ${query.dir === 'desc' ? -1 : 99999})`), asc(byName)];
		default:
			return [direction(byName), asc(entities.id)];
	}
}

export function listEntities(db: Db, query: DirectoryQuery, offset: number): { items: EntityListItem[]; total: number } {
	const where = and(...filterConditions(query));
	const items = db
		.select(listColumns)
		.from(entities)
		.where(where)
		.orderBy(...orderBy(query))
		.limit(query.perPage)
		.offset(offset)
		.all() as EntityListItem[];
	const total =
		db
			.select({ n: sql<number>`count(*)` })
			.from(entities)
			.where(where)
			.get()?.n ?? 0;
	return { items, total };
}

export function findEntityBySlug(db: Db, slug: string) {
	return db
		.select()
		.from(entities)
		.where(and(eq(entities.slug, slug), visible()))
		.get();
}

export function findEntityById(db: Db, id: number) {
	return db
		.select()
		.from(entities)
		.where(and(eq(entities.id, id), visible()))
		.get();
}

/** Counts per value of one facet within the filtered set (for the facet side bar). */
export function facetCounts(db: Db, filters: EntityFilters, facet: 'kind' | 'category'): Map<string, number> {
	const column = facet === 'kind' ? entities.kind : entities.category;
	const rows = db
		.select({ value: column, n: sql<number>`count(*)` })
		.from(entities)
		.where(and(...filterConditions(filters)))
		.groupBy(column)
		.all();
	return new Map(rows.map((r) => [r.value as string, r.n]));
}

export function entitiesInTerritory(db: Db, code: string, limit: number) {
	return db
		.select(listColumns)
		.from(entities)
		.where(
			and(
				visible(),
				sql`${entities.communeCode} in (select code from territories where code = ${code} or epci_code = ${code} or departement_code = ${code} or region_code = ${code})`
			)
		)
		.orderBy(asc(entities.kind), sql`${entities.name} collate nocase`)
		.limit(limit)
		.all() as EntityListItem[];
}

export function countsInTerritory(db: Db, code: string) {
	return db
		.select({ kind: entities.kind, category: entities.category, n: sql<number>`count(*)` })
		.from(entities)
		.where(
			and(
				visible(),
				sql`${entities.communeCode} in (select code from territories where code = ${code} or epci_code = ${code} or departement_code = ${code} or region_code = ${code})`
			)
		)
		.groupBy(entities.kind, entities.category)
		.all();
}

export function hasDemoEntities(db: Db): boolean {
	return (
		db
			.select({ id: entities.id })
			.from(entities)
			.where(and(eq(entities.isDemo, true), isNull(entities.deletedAt)))
			.limit(1)
			.get() !== undefined
	);
}

/** Located entities of the filtered set, lightest columns only (the map draws thousands). */
export function mapPointRows(db: Db, filters: EntityFilters) {
	return db
		.select({ id: entities.id, lon: entities.lon, lat: entities.lat, kind: entities.kind, coordPrecision: entities.coordPrecision })
		.from(entities)
		.where(and(...filterConditions(filters), sql`${entities.lon} is not null and ${entities.lat} is not null`))
		.all() as { id: number; lon: number; lat: number; kind: string; coordPrecision: string | null }[];
}

/** Filtered entities counted per département or EPCI of their commune. */
export function countsByTerritory(db: Db, filters: EntityFilters, level: 'departement' | 'epci'): Map<string, number> {
	const column = level === 'departement' ? sql`t.departement_code` : sql`t.epci_code`;
	const rows = db
		.select({ code: sql<string>`${column}`, n: sql<number>`count(*)` })
		.from(entities)
		.innerJoin(sql`territories t`, sql`t.code = ${entities.communeCode}`)
		.where(and(...filterConditions(filters)))
		.groupBy(column)
		.all();
	return new Map(rows.filter((r) => r.code != null).map((r) => [r.code, r.n]));
}

/** Located entities of the filtered set inside a bounding box (a cheap first cut before exact distances). */
export function entitiesInBox(db: Db, filters: EntityFilters, box: [number, number, number, number]) {
	const [minLon, minLat, maxLon, maxLat] = box;
	return db
		.select(listColumns)
		.from(entities)
		.where(and(...filterConditions(filters), sql`${entities.lon} between ${minLon} and ${maxLon} and ${entities.lat} between ${minLat} and ${maxLat}`))
		.all() as EntityListItem[];
}
