import { z } from 'zod';
import { articleInputSchema, HOME_OUTLET, type ArticleInput } from '$lib/domain/article.schema';
import { entityFiltersSchema } from '$lib/domain/filters';
import type { Db } from '../db';
import type { MentionStatus } from '../db/schema';
import * as repo from '../repos/article.repo';
import { relationRow } from '../repos/entity-write.repo';
import { findEntityById, findEntityBySlug } from '../repos/entity.repo';
import { limitParam, parseParams } from './params';
import type { ArticleDraft } from '../articles/article-draft';
import { fetchArticleFeed, fetchArticlePage, type ArticleFetchOptions } from '../articles/article-fetch';
import { ArticleFeedError, readArticleFeed } from '../articles/feed-read';
import { buildMentionIndex, findMentionsWith, type MentionIndex } from '../articles/mentions';
import { readPageMetadata } from '../articles/page-metadata';
import { NotFoundError, ValidationError } from './errors';
import { listingId, type ListingRef } from './listing-picker.service';
import { assertEditor } from './managers.service';
import { writeTransaction } from './revision-write';
import type { AccountUser } from './users.service';
import { m } from '$lib/paraglide/messages';

/*
 * Press coverage (issue 20). Editors add articles by address (the page's own metadata fills the form), by hand,
 * or by the hundred from a feed; the actors' names found in each are proposed, and an editor confirms or rejects
 * each in one click. The public only ever sees confirmed mentions.
 */

export const ARTICLES_PER_PAGE = 30;
/** Below this, a found name is too unsure to bother an editor with. */
const MIN_CONFIDENCE = 0.4;
/** Feed items written per transaction; the mention search runs between them (an import must not hold the server). */
const CHUNK = 10;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

function validatedArticle(values: unknown): ArticleInput {
	const parsed = articleInputSchema.safeParse(values);
	if (!parsed.success) throw new ValidationError(parsed.error.issues.map((i) => i.message));
	return parsed.data;
}

function mentionIndex(db: Db): MentionIndex {
	return buildMentionIndex(repo.mentionCandidates(db));
}

function proposeFor(db: Db, index: MentionIndex, articleId: number, text: string): number {
	const found = findMentionsWith(index, text).filter((f) => f.confidence >= MIN_CONFIDENCE);
	return repo.proposeMentions(db, articleId, found);
}

const searchableText = (a: { title: string; excerpt: string }, body: string) => `${a.title}\n${a.excerpt}\n${body}`;

/** An article typed (or checked) by an editor. A second article at the same address is refused. */
export function addArticle(db: Db, editor: AccountUser, values: unknown, bodyText = ''): { id: number; proposed: number } {
	assertEditor(editor);
	const input = validatedArticle(values);
	if (repo.articleIdsByUrl(db, [input.url]).size) throw new ValidationError([m.press_error_duplicate({ url: input.url })]);
	const index = mentionIndex(db);
	return writeTransaction(db, (tx) => {
		const id = repo.insertArticle(tx, { ...input, bodyText: bodyText.slice(0, 20_000), createdBy: editor.id });
		return { id, proposed: proposeFor(tx, index, id, searchableText(input, bodyText)) };
	});
}

/**
 * What the page at `url` says of itself, to fill the form (nothing is written): the editor checks it and saves.
 * Offline or refused, the French reason comes back and the form stays open for typing.
 */
export async function readArticlePage(
	editor: AccountUser,
	url: string,
	options: ArticleFetchOptions = {}
): Promise<{ draft: ArticleDraft } | { error: string }> {
	assertEditor(editor);
	const result = await fetchArticlePage(url.trim(), options);
	if (result.status !== 'ok') return { error: m.press_error_page_unread({ reason: result.detail }) };
	const draft = readPageMetadata(result.text, result.finalUrl);
	return { draft: { ...draft, url: url.trim() || draft.url } };
}

export function draftFormValues(draft: ArticleDraft) {
	return {
		url: draft.url,
		title: draft.title,
		publishedAt: draft.publishedAt ?? '',
		outlet: draft.outlet ?? HOME_OUTLET,
		author: draft.author ?? '',
		excerpt: draft.excerpt,
		imageUrl: draft.imageUrl ?? '',
		language: draft.language ?? 'fr',
		bodyText: draft.text
	};
}

export interface ImportOutcome {
	added: number;
	alreadyThere: number;
	proposed: number;
	problems: string[];
}

/** A feed (RSS, Atom, JSON Feed) or a WordPress REST export, by address or as the text of an uploaded file. */
export async function importArticles(
	db: Db,
	editor: AccountUser,
	source: { url: string } | { text: string },
	options: ArticleFetchOptions & { outlet?: string } = {}
): Promise<ImportOutcome> {
	assertEditor(editor);
	let text: string;
	if ('url' in source) {
		const result = await fetchArticleFeed(source.url.trim(), options);
		if (result.status !== 'ok') throw new ValidationError([m.press_error_feed_unread({ reason: result.detail })]);
		text = result.text;
	} else text = source.text;
	let feed: ReturnType<typeof readArticleFeed>;
	try {
		feed = readArticleFeed(text);
	} catch (e) {
		if (e instanceof ArticleFeedError) throw new ValidationError([e.message]);
		throw e;
	}
	const outcome: ImportOutcome = { added: 0, alreadyThere: 0, proposed: 0, problems: [...feed.problems] };
	const known = repo.articleIdsByUrl(
		db,
		feed.items.map((i) => i.url)
	);
	const fresh = feed.items.filter((i) => !known.has(i.url));
	outcome.alreadyThere = feed.items.length - fresh.length;
	const index = mentionIndex(db);
	for (let start = 0; start < fresh.length; start += CHUNK) {
		await nextTurn();
		const chunk = fresh.slice(start, start + CHUNK).flatMap((draft, i) => {
			const values = { ...draftFormValues(draft), outlet: draft.outlet ?? options.outlet ?? feed.outlet ?? HOME_OUTLET };
			const parsed = articleInputSchema.safeParse(values);
			if (parsed.success) return [{ input: parsed.data, body: draft.text }];
			outcome.problems.push(m.press_problem_item({ n: start + i + 1, issues: parsed.error.issues.map((x) => x.message).join(' ; ') }));
			return [];
		});
		const found = chunk.map((c) => findMentionsWith(index, searchableText(c.input, c.body)).filter((f) => f.confidence >= MIN_CONFIDENCE));
		writeTransaction(db, (tx) => {
			chunk.forEach((c, i) => {
				// Two items of one feed at the same address: the first one counts.
				if (repo.articleIdsByUrl(tx, [c.input.url]).size) return void outcome.alreadyThere++;
				const id = repo.insertArticle(tx, { ...c.input, bodyText: c.body.slice(0, 20_000), createdBy: editor.id });
				outcome.added++;
				outcome.proposed += repo.proposeMentions(tx, id, found[i] ?? []);
			});
		});
	}
	return outcome;
}

function articleOrThrow(db: Db, id: number) {
	const row = repo.articleById(db, id);
	if (!row) throw new NotFoundError(m.press_error_no_article({ id }));
	return row;
}

export function updateArticle(db: Db, editor: AccountUser, id: number, values: unknown): void {
	assertEditor(editor);
	const row = articleOrThrow(db, id);
	const input = validatedArticle(values);
	const sameUrl = repo.articleIdsByUrl(db, [input.url]).get(input.url);
	if (sameUrl !== undefined && sameUrl !== row.id) throw new ValidationError([m.press_error_duplicate({ url: input.url })]);
	repo.updateArticleRow(db, id, input);
}

export function deleteArticle(db: Db, editor: AccountUser, id: number): { title: string } {
	assertEditor(editor);
	const row = articleOrThrow(db, id);
	repo.deleteArticleRow(db, id);
	return { title: row.title };
}

/** Looks for the directory's names again (the directory grew since the article was added). */
export function proposeAgain(db: Db, editor: AccountUser, id: number): number {
	assertEditor(editor);
	const row = articleOrThrow(db, id);
	return proposeFor(db, mentionIndex(db), id, searchableText(row, row.bodyText));
}

export function decideMention(db: Db, editor: AccountUser, mentionId: number, status: MentionStatus): { articleId: number } {
	assertEditor(editor);
	const mention = repo.mentionById(db, mentionId);
	if (!mention) throw new NotFoundError(m.press_error_no_mention());
	repo.decideMention(db, mentionId, status, editor.id);
	return { articleId: mention.articleId };
}

/** An actor the detection missed, named by the editor (picked like any listing in a form). */
export function addMention(db: Db, editor: AccountUser, articleId: number, listing: ListingRef): void {
	assertEditor(editor);
	articleOrThrow(db, articleId);
	const entityId = listingId(db, editor, listing, { scope: 'live' });
	repo.confirmMentionOf(db, articleId, entityId, editor.id);
}

/** « Cet article source la relation n° … »: the relation must exist and be live. */
export function linkRelation(db: Db, editor: AccountUser, articleId: number, relationId: number, linked: boolean): void {
	assertEditor(editor);
	articleOrThrow(db, articleId);
	const relation = relationRow(db, relationId);
	if (!relation || relation.deletedAt) throw new NotFoundError(m.press_error_no_relation({ id: relationId }));
	if (linked) repo.linkRelation(db, articleId, relationId);
	else repo.unlinkRelation(db, articleId, relationId);
}

export function articleForEditor(db: Db, editor: AccountUser, id: number) {
	assertEditor(editor);
	const article = articleOrThrow(db, id);
	return { article, mentions: repo.mentionsOfArticle(db, id), relations: repo.relationsOfArticle(db, id) };
}

export function articlesForEditor(db: Db, editor: AccountUser, page: number, toReview: boolean) {
	assertEditor(editor);
	const total = repo.articleCount(db, toReview);
	const pages = Math.max(1, Math.ceil(total / ARTICLES_PER_PAGE));
	const current = Math.min(Math.max(1, page), pages);
	return {
		total,
		page: current,
		pages,
		toReviewCount: toReview ? total : repo.articleCount(db, true),
		articles: repo.listArticles(db, { limit: ARTICLES_PER_PAGE, offset: (current - 1) * ARTICLES_PER_PAGE, toReview })
	};
}

/** An actor's press, newest first: its newsroom's portraits apart from other outlets' articles. */
export function pressOfEntity(db: Db, entityId: number, limit = 20) {
	const all = repo.articlesOfEntity(db, entityId, limit);
	return {
		total: repo.articleCountOfEntity(db, entityId),
		portraits: all.filter((a) => a.outlet === HOME_OUTLET),
		press: all.filter((a) => a.outlet !== HOME_OUTLET)
	};
}

export function pressOfTerritory(db: Db, code: string, limit = 12) {
	return repo.articlesOfTerritory(db, code, limit);
}

/** Confirmed articles per actor id, for the graph's sizing and « angles morts ». */
export function coverageByEntity(db: Db): Record<number, number> {
	return Object.fromEntries(repo.coverageCounts(db));
}

export const articlesApiSchema = z.object({
	entity: z
		.string()
		.trim()
		.regex(/^(\d+|[a-z0-9]+(?:-[a-z0-9]+)*)$/, { error: () => m.errors_actor_ref_invalid({ name: 'entity' }) })
		.optional()
		.describe('Acteur cité (identifiant ou slug) : ses articles seulement.'),
	territory: entityFiltersSchema.shape.territory,
	limit: limitParam(200, 50).describe('Nombre de résultats rendus.'),
	offset: z.coerce
		.number({ error: () => m.errors_page_invalid() })
		.int({ error: () => m.errors_page_invalid() })
		.min(0, { error: () => m.errors_page_invalid() })
		.max(100_000)
		.default(0)
		.describe('Nombre de résultats à sauter (pagination).')
});

/** GET /api/v1/articles: the press collection, with the actors each article covers (confirmed only). */
export function articlesApi(db: Db, params: URLSearchParams) {
	const query = parseParams(articlesApiSchema, params);
	let entityId: number | undefined;
	if (query.entity) {
		const row = /^\d+$/.test(query.entity) ? findEntityById(db, Number(query.entity)) : findEntityBySlug(db, query.entity);
		if (!row) throw new NotFoundError(m.errors_no_actor_short({ ref: query.entity }));
		entityId = row.id;
	}
	const { total, items } = repo.publicArticles(db, { entityId, territory: query.territory }, query.limit, query.offset);
	return { items, total, next: query.offset + items.length < total ? query.offset + items.length : null };
}

export function exportedArticles(db: Db) {
	return repo.exportArticles(db);
}
