import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { articleMentions, articleRelations, articles, entities, relations, type ArticleRow, type MentionStatus, type NewArticle } from '../db/schema';
import { visible } from './entity.repo';

export type ArticleListItem = Pick<ArticleRow, 'id' | 'url' | 'title' | 'publishedAt' | 'outlet' | 'author' | 'excerpt' | 'imageUrl' | 'language' | 'isDemo'>;

const listColumns = {
	id: articles.id,
	url: articles.url,
	title: articles.title,
	publishedAt: articles.publishedAt,
	outlet: articles.outlet,
	author: articles.author,
	excerpt: articles.excerpt,
	imageUrl: articles.imageUrl,
	language: articles.language,
	isDemo: articles.isDemo
};

/**
 * The outer article's id inside a subquery. Drizzle writes a column of a one-table select unqualified (`"id"`),
 * which inside `… from article_mentions m` would name m.id: the table is named in full.
 */
const ARTICLE_ID = sql.raw('"articles"."id"');

/** Newest first; undated articles last, then the latest added. */
const newestFirst = [sql`${articles.publishedAt} is null`, desc(articles.publishedAt), desc(articles.id)];

export function insertArticle(db: Db, values: NewArticle): number {
	return db.insert(articles).values(values).returning({ id: articles.id }).get().id;
}

export function updateArticleRow(db: Db, id: number, values: Partial<NewArticle>): void {
	db.update(articles)
		.set({ ...values, updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))` })
		.where(eq(articles.id, id))
		.run();
}

export function deleteArticleRow(db: Db, id: number): number {
	return db.delete(articles).where(eq(articles.id, id)).run().changes;
}

export function articleById(db: Db, id: number): ArticleRow | undefined {
	return db.select().from(articles).where(eq(articles.id, id)).get();
}

export function articleIdsByUrl(db: Db, urls: string[]): Map<string, number> {
	if (!urls.length) return new Map();
	const rows = db.select({ id: articles.id, url: articles.url }).from(articles).where(inArray(articles.url, urls)).all();
	return new Map(rows.map((r) => [r.url, r.id]));
}

/** The editors' list: every article, with how many found names still wait for a decision. */
export function listArticles(db: Db, options: { limit: number; offset: number; toReview?: boolean }) {
	const waiting = sql<number>`(select count(*) from ${articleMentions} m where m.article_id = ${ARTICLE_ID} and m.status = 'proposed')`;
	const confirmed = sql<number>`(select count(*) from ${articleMentions} m where m.article_id = ${ARTICLE_ID} and m.status = 'confirmed')`;
	return db
		.select({ ...listColumns, waiting, confirmed })
		.from(articles)
		.where(options.toReview ? sql`${waiting} > 0` : undefined)
		.orderBy(...newestFirst)
		.limit(options.limit)
		.offset(options.offset)
		.all();
}

export function articleCount(db: Db, toReview = false): number {
	const where = toReview ? sql`exists (select 1 from ${articleMentions} m where m.article_id = ${ARTICLE_ID} and m.status = 'proposed')` : undefined;
	return (
		db
			.select({ n: sql<number>`count(*)` })
			.from(articles)
			.where(where)
			.get()?.n ?? 0
	);
}

/** An article's mentions, the ones to decide first, then by confidence. */
export function mentionsOfArticle(db: Db, articleId: number) {
	return db
		.select({
			id: articleMentions.id,
			entityId: articleMentions.entityId,
			status: articleMentions.status,
			confidence: articleMentions.confidence,
			phrase: articleMentions.phrase,
			name: entities.name,
			slug: entities.slug,
			kind: entities.kind
		})
		.from(articleMentions)
		.innerJoin(entities, eq(entities.id, articleMentions.entityId))
		.where(and(eq(articleMentions.articleId, articleId), isNull(entities.deletedAt)))
		.orderBy(sql`case ${articleMentions.status} when 'proposed' then 0 when 'confirmed' then 1 else 2 end`, desc(articleMentions.confidence), entities.name)
		.all();
}

export function mentionById(db: Db, id: number) {
	return db.select().from(articleMentions).where(eq(articleMentions.id, id)).get();
}

/** Found names become proposals; a pair an editor already decided keeps its decision. */
export function proposeMentions(db: Db, articleId: number, found: { entityId: number; confidence: number; phrase: string }[]): number {
	let added = 0;
	for (const f of found) {
		added += db
			.insert(articleMentions)
			.values({ articleId, entityId: f.entityId, status: 'proposed', confidence: f.confidence, phrase: f.phrase.slice(0, 200) })
			.onConflictDoNothing()
			.run().changes;
	}
	return added;
}

export function decideMention(db: Db, id: number, status: MentionStatus, userId: number): number {
	return db
		.update(articleMentions)
		.set({ status, decidedBy: userId, decidedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))` })
		.where(eq(articleMentions.id, id))
		.run().changes;
}

/** An editor names an actor the detection missed: confirmed at once. */
export function confirmMentionOf(db: Db, articleId: number, entityId: number, userId: number): void {
	db.insert(articleMentions)
		.values({ articleId, entityId, status: 'confirmed', confidence: 1, phrase: '', decidedBy: userId, decidedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))` })
		.onConflictDoUpdate({
			target: [articleMentions.articleId, articleMentions.entityId],
			set: { status: 'confirmed', decidedBy: userId, decidedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))` }
		})
		.run();
}

/** A merged duplicate's press goes to the listing kept (a pair both had keeps the kept one's decision). */
export function moveMentions(db: Db, fromEntityId: number, toEntityId: number): void {
	db.run(sql`update or ignore ${articleMentions} set entity_id = ${toEntityId} where entity_id = ${fromEntityId}`);
	db.delete(articleMentions).where(eq(articleMentions.entityId, fromEntityId)).run();
}

/** The public side: confirmed mentions of visible listings only. */
const confirmedOf = (entityId: number) => and(eq(articleMentions.entityId, entityId), eq(articleMentions.status, 'confirmed'));

export function articlesOfEntity(db: Db, entityId: number, limit: number): ArticleListItem[] {
	return db
		.select(listColumns)
		.from(articleMentions)
		.innerJoin(articles, eq(articles.id, articleMentions.articleId))
		.where(confirmedOf(entityId))
		.orderBy(...newestFirst)
		.limit(limit)
		.all();
}

export function articleCountOfEntity(db: Db, entityId: number): number {
	return (
		db
			.select({ n: sql<number>`count(*)` })
			.from(articleMentions)
			.where(confirmedOf(entityId))
			.get()?.n ?? 0
	);
}

const inTerritory = (code: string) =>
	sql`${entities.communeCode} in (select code from territories where code = ${code} or epci_code = ${code} or departement_code = ${code} or region_code = ${code})`;

/** Articles covering at least one visible actor of the territory, with those actors' names. */
export function articlesOfTerritory(db: Db, code: string, limit: number) {
	const rows = db
		.select({ ...listColumns, actors: sql<string>`json_group_array(json_object('name', ${entities.name}, 'slug', ${entities.slug}))` })
		.from(articles)
		.innerJoin(articleMentions, and(eq(articleMentions.articleId, articles.id), eq(articleMentions.status, 'confirmed')))
		.innerJoin(entities, eq(entities.id, articleMentions.entityId))
		.where(and(visible(), inTerritory(code)))
		.groupBy(articles.id)
		.orderBy(...newestFirst)
		.limit(limit)
		.all();
	return rows.map((r) => ({ ...r, actors: JSON.parse(r.actors) as { name: string; slug: string }[] }));
}

/** Confirmed articles per visible actor: the graph's « couverture presse ». */
export function coverageCounts(db: Db): Map<number, number> {
	const rows = db
		.select({ id: articleMentions.entityId, n: sql<number>`count(*)` })
		.from(articleMentions)
		.innerJoin(entities, eq(entities.id, articleMentions.entityId))
		.where(and(eq(articleMentions.status, 'confirmed'), visible()))
		.groupBy(articleMentions.entityId)
		.all();
	return new Map(rows.map((r) => [r.id, r.n]));
}

/** Names to look for in an article: every visible listing. */
export function mentionCandidates(db: Db) {
	return db.select({ id: entities.id, name: entities.name, kind: entities.kind }).from(entities).where(visible()).all();
}

export function linkRelation(db: Db, articleId: number, relationId: number): void {
	db.insert(articleRelations).values({ articleId, relationId }).onConflictDoNothing().run();
}

export function unlinkRelation(db: Db, articleId: number, relationId: number): void {
	db.delete(articleRelations)
		.where(and(eq(articleRelations.articleId, articleId), eq(articleRelations.relationId, relationId)))
		.run();
}

/** The relations an article sources, with both ends' names. */
export function relationsOfArticle(db: Db, articleId: number) {
	return db
		.select({
			id: relations.id,
			type: relations.type,
			startDate: relations.startDate,
			sourceName: sql<string>`(select name from entities where id = ${relations.sourceId})`,
			targetName: sql<string>`(select name from entities where id = ${relations.targetId})`
		})
		.from(articleRelations)
		.innerJoin(relations, eq(relations.id, articleRelations.relationId))
		.where(and(eq(articleRelations.articleId, articleId), isNull(relations.deletedAt)))
		.all();
}

export interface SourceArticle {
	id: number;
	title: string;
	url: string;
	outlet: string;
}

/** For a page's relations: the collection's article that sources each (linked, or whose address is the relation's source). */
export function sourcingArticles(db: Db, relationIds: number[]): Map<number, SourceArticle> {
	if (!relationIds.length) return new Map();
	const rows = db
		.select({ relationId: relations.id, id: articles.id, title: articles.title, url: articles.url, outlet: articles.outlet })
		.from(relations)
		.innerJoin(
			articles,
			sql`${articles.id} = coalesce((select ar.article_id from ${articleRelations} ar where ar.relation_id = ${relations.id} limit 1), (select a2.id from ${articles} a2 where a2.url = trim(${relations.source})))`
		)
		.where(inArray(relations.id, relationIds))
		.all();
	return new Map(rows.map((r) => [r.relationId, { id: r.id, title: r.title, url: r.url, outlet: r.outlet }]));
}

/** Everything public, for exports: articles with their confirmed actors' slugs. */
export function exportArticles(db: Db) {
	const rows = db
		.select({
			...listColumns,
			actors: sql<string>`(select json_group_array(e.slug) from ${articleMentions} m join ${entities} e on e.id = m.entity_id where m.article_id = ${ARTICLE_ID} and m.status = 'confirmed' and e.deleted_at is null and e.status = 'published')`
		})
		.from(articles)
		.orderBy(...newestFirst)
		.all();
	return rows.map((r) => ({ ...r, actors: JSON.parse(r.actors) as string[] }));
}

/** The public list (API): articles, newest first, narrowed to one actor's or one territory's actors' coverage. */
export function publicArticles(db: Db, filter: { entityId?: number; territory?: string }, limit: number, offset: number) {
	const confirmedActor = (extra: ReturnType<typeof sql>) =>
		sql`exists (select 1 from ${articleMentions} m join ${entities} e on e.id = m.entity_id where m.article_id = ${ARTICLE_ID} and m.status = 'confirmed' and e.deleted_at is null and e.status = 'published' and ${extra})`;
	const where = and(
		filter.entityId === undefined ? undefined : confirmedActor(sql`e.id = ${filter.entityId}`),
		filter.territory === undefined
			? undefined
			: confirmedActor(
					sql`e.commune_code in (select code from territories where code = ${filter.territory} or epci_code = ${filter.territory} or departement_code = ${filter.territory} or region_code = ${filter.territory})`
				)
	);
	const total =
		db
			.select({ n: sql<number>`count(*)` })
			.from(articles)
			.where(where)
			.get()?.n ?? 0;
	const rows = db
		.select({
			...listColumns,
			actors: sql<string>`(select json_group_array(json_object('slug', e.slug, 'name', e.name)) from ${articleMentions} m join ${entities} e on e.id = m.entity_id where m.article_id = ${ARTICLE_ID} and m.status = 'confirmed' and e.deleted_at is null and e.status = 'published')`
		})
		.from(articles)
		.where(where)
		.orderBy(...newestFirst)
		.limit(limit)
		.offset(offset)
		.all();
	return { total, items: rows.map((r) => ({ ...r, actors: JSON.parse(r.actors) as { slug: string; name: string }[] })) };
}
