import { and, asc, desc, eq, inArray, isNull, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { DirectoryQuery, EntityFilters } from '$lib/domain/filters';
import type { Db } from '../db';
import { preparedFor } from '../db/prepared';
import { entities } from '../db/schema';
import { toFtsQuery } from '../search/fts-query';

export const visible = () => and(isNull(entities.deletedAt), eq(entities.status, 'published'));

const anyOf = (column: SQLWrapper, values: string[]) =>
	sql`${column} in (${sql.join(
		values.map((v) => sql`${v}`),
		sql`, `
	)})`;

/**
 * JSON-array columns: true when the array shares a value with `values`. `instr` on the value as JSON writes it
 * (`"digital"`) first: a plain substring test that every true match passes, and that spares json_each on the rows
 * that cannot match (a sector's count at 100,000 actors: 50 ms, 22 ms with it, issue 18). json_each still decides:
 * the value written inside another string (`"a \"digital"`) is not taken.
 */
const jsonHasAny = (column: SQLWrapper, values: string[]) =>
	sql`(${sql.join(
		values.map((v) => sql`instr(${column}, ${JSON.stringify(v)}) > 0`),
		sql` or `
	)}) and exists (select 1 from json_each(${column}) where json_each.value in (${sql.join(
		values.map((v) => sql`${v}`),
		sql`, `
	)}))`;

/** The column as SQLite may not look it up in an index (`+kind`): the query then walks the one of its order. */
const unindexed = (column: SQLWrapper) => sql`+${column}`;

/** `byNameIndex`: the filters are kept while walking entities_name_nocase_idx rather than read from their own indexes. */
export function filterConditions(filters: EntityFilters, byNameIndex = false): SQL[] {
	const column = (c: SQLWrapper) => (byNameIndex ? unindexed(c) : c);
	const where: SQL[] = [visible() as SQL];
	if (filters.kind.length) where.push(anyOf(column(entities.kind), filters.kind));
	if (filters.category.length) where.push(anyOf(column(entities.category), filters.category));
	if (filters.sector.length) where.push(jsonHasAny(entities.sectors, filters.sector));
	if (filters.stage.length) where.push(jsonHasAny(entities.stages, filters.stage));
	if (filters.offer.length) where.push(jsonHasAny(entities.offers, filters.offer));
	if (filters.territory) {
		const t = filters.territory;
		where.push(
			sql`${column(entities.communeCode)} in (select code from territories where code = ${t} or epci_code = ${t} or departement_code = ${t} or region_code = ${t})`
		);
	}
	if (filters.press) {
		const cited = sql`exists (select 1 from article_mentions m where m.entity_id = ${entities.id} and m.status = 'confirmed')`;
		where.push(filters.press === 'none' ? sql`not ${cited}` : cited);
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
			// Literals, not parameters: the expression must be the one of entities_founded_asc_idx / _desc_idx (0018).
			return [direction(sql`coalesce(${entities.foundedYear}, ${sql.raw(query.dir === 'desc' ? '-1' : '99999')})`), asc(byName)];
		default:
			// Both in the same direction: entities_name_nocase_idx read backwards serves the descending order too.
			return [direction(byName), direction(entities.id)];
	}
}

/** An actor's place in the default order (name as NOCASE compares it, then id): where a keyset page starts. */
export interface NameKey {
	name: string;
	id: number;
}

/**
 * Rows after `key` in the default order. Written out rather than as the row value `(name, id) > (?, ?)`:
 * SQLite only drives entities_name_nocase_idx from the `>=` bound (EXPLAIN: « SEARCH … (name>?) »), the row
 * value left it scanning the index from its start.
 */
const after = (key: NameKey) => {
	const byName = sql`${entities.name} collate nocase`;
	return sql`${byName} >= ${key.name} and (${byName} > ${key.name} or ${entities.id} > ${key.id})`;
};

/**
 * One page of the filtered list: `from` is an offset (the directory's page numbers) or, in the default
 * ascending order only, the last actor of the previous page (the API's cursors). No count: totals are cached
 * per data revision (services/entity-counts). `byNameIndex` (default order only): walk the name index even
 * with a kind, category or territory filter, which SQLite would otherwise read from their index and then sort
 * (it has no statistics to know that « organisation » is half the table). The query itself is exported for
 * the plan tests (EXPLAIN).
 */
export function listEntitiesQuery(db: Db, query: DirectoryQuery, from: number | NameKey, byNameIndex = false) {
	const keyset = typeof from !== 'number';
	if (keyset && (query.sort !== 'name' || query.dir !== 'asc')) throw new Error('keyset pages follow the default order only');
	const where = [...filterConditions(query, byNameIndex && query.sort === 'name'), ...(keyset ? [after(from)] : [])];
	return db
		.select(listColumns)
		.from(entities)
		.where(and(...where))
		.orderBy(...orderBy(query))
		.limit(query.perPage)
		.offset(keyset ? 0 : from);
}

export function listEntities(db: Db, query: DirectoryQuery, from: number | NameKey, byNameIndex = false): EntityListItem[] {
	return listEntitiesQuery(db, query, from, byNameIndex).all() as EntityListItem[];
}

/**
 * How many actors the filters keep in each commune (null: no commune given), for the directory's commune
 * order: grouped along entities_commune_idx, which carries every filtered column (0021). Cached by the caller.
 */
export function communeCounts(db: Db, filters: EntityFilters): { code: string | null; n: number }[] {
	return db
		.select({ code: entities.communeCode, n: sql<number>`count(*)` })
		.from(entities)
		.where(and(...filterConditions(filters)))
		.groupBy(entities.communeCode)
		.all();
}

/**
 * A page of the filtered list in the directory's commune order, among the actors of some communes only (and
 * those without one when `withoutCommune`): the communes the page falls in (services/directory-commune-order).
 */
export function listEntitiesInCommunes(db: Db, query: DirectoryQuery, codes: string[], withoutCommune: boolean, offset: number): EntityListItem[] {
	const among = or(codes.length ? inArray(entities.communeCode, codes) : undefined, withoutCommune ? sql`${entities.communeCode} is null` : undefined);
	return db
		.select(listColumns)
		.from(entities)
		.where(and(...filterConditions(query), among ?? sql`0`))
		.orderBy(...orderBy(query))
		.limit(query.perPage)
		.offset(offset)
		.all() as EntityListItem[];
}

/**
 * How many of the filtered set there are per kind and category, in one scan of a covering index (entities_kind_idx,
 * in its order: no sort): the directory's total and both its facets are sums of these (entity-counts.ts).
 */
export function kindCategoryCountsQuery(db: Db, filters: EntityFilters) {
	return db
		.select({ kind: entities.kind, category: entities.category, n: sql<number>`count(*)` })
		.from(entities)
		.where(and(...filterConditions(filters)))
		.groupBy(entities.kind, entities.category);
}

/**
 * The counters a filtered count depends on (migrations 0003, 0012, 0013, 0017), read in one statement:
 * graph_revision moves with every actor's visibility, kind, category, sectors, stages, offers and commune;
 * search_revision with the full-text index (`q`); territory_revision with the territories (`territory`).
 */
export function filterRevisions(db: Db): { graph: number; search: number; territory: number } {
	const rows = preparedFor(db, 'filterRevisions', (d) =>
		d.$client.prepare("select key, value from meta where key in ('graph_revision', 'search_revision', 'territory_revision')")
	).all() as { key: string; value: number }[];
	const of = (key: string) => rows.find((r) => r.key === key)?.value ?? 0;
	return { graph: of('graph_revision'), search: of('search_revision'), territory: of('territory_revision') };
}

export function findEntityBySlug(db: Db, slug: string) {
	return preparedFor(db, 'findEntityBySlug', (d) =>
		d
			.select()
			.from(entities)
			.where(and(eq(entities.slug, sql.placeholder('slug')), visible()))
			.prepare()
	).get({ slug });
}

export function findEntityById(db: Db, id: number) {
	return preparedFor(db, 'findEntityById', (d) =>
		d
			.select()
			.from(entities)
			.where(and(eq(entities.id, sql.placeholder('id')), visible()))
			.prepare()
	).get({ id });
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

export function hasDemoEntities(db: Db): boolean {
	return (
		preparedFor(db, 'hasDemoEntities', (d) =>
			d
				.select({ id: entities.id })
				.from(entities)
				.where(and(eq(entities.isDemo, true), isNull(entities.deletedAt)))
				.limit(1)
				.prepare()
		).get() !== undefined
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

/**
 * Where the filtered set's located entities inside a bounding box are (a cheap first cut before exact distances):
 * ids and coordinates only, from entities_place_idx without reading the table when the filters are kind and
 * category (their own indexes are kept out: `+kind`, else SQLite reads every organisation's row to test its
 * place).
 */
export function placesInBox(db: Db, filters: EntityFilters, box: [number, number, number, number]): { id: number; lon: number; lat: number }[] {
	const [minLon, minLat, maxLon, maxLat] = box;
	return db
		.select({ id: entities.id, lon: entities.lon, lat: entities.lat })
		.from(entities)
		.where(and(...filterConditions(filters, true), sql`${entities.lat} between ${minLat} and ${maxLat} and ${entities.lon} between ${minLon} and ${maxLon}`))
		.all() as { id: number; lon: number; lat: number }[];
}

/** The listed columns of these entities, in the order of `ids` (those no longer visible left out). */
export function listedByIds(db: Db, ids: number[]): EntityListItem[] {
	if (ids.length === 0) return [];
	const rows = db
		.select(listColumns)
		.from(entities)
		.where(and(visible(), inArray(entities.id, ids)))
		.all() as EntityListItem[];
	const byId = new Map(rows.map((r) => [r.id, r]));
	return ids.flatMap((id) => byId.get(id) ?? []);
}
