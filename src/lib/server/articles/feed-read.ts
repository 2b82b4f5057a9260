/**
 * A media's list of articles to drafts: RSS 2.0, RSS 1.0 (RDF), Atom and JSON Feed read by feedsmith (maintained,
 * tolerant of what real feeds do), and the JSON of WordPress's REST API (`/wp-json/wp/v2/posts`, `?_embed` for
 * the image and author), checked with zod. Items without an address or a title are skipped and said in `problems`.
 */
import { DetectError, parseFeed } from 'feedsmith';
import { z } from 'zod';
import { NBSP } from '$lib/domain/french/typography';
import { articleDraft, htmlToText, type ArticleDraft, type RawArticle } from './article-draft';

export class ArticleFeedError extends Error {
	override name = 'ArticleFeedError';
}

export interface ArticleFeed {
	outlet: string | null;
	items: ArticleDraft[];
	problems: string[];
}

const NOT_A_FEED = 'Ce fichier n’est ni un flux RSS ou Atom ni un export WordPress.';
const EMPTY = 'Le flux ne contient aucun article.';
const HTML_PAGE = `Cette adresse renvoie une page web, pas un flux${NBSP}: cherchez le lien « RSS » de la page (souvent /feed) ou son export WordPress (/wp-json/wp/v2/posts).`;
const BROKEN_XML = `Le flux est illisible (XML incomplet ou mal formé)${NBSP}: il a peut-être été coupé pendant le téléchargement.`;

export function readArticleFeed(text: string): ArticleFeed {
	const source = text.replace(/^\uFEFF/, '').trim();
	if (!source) throw new ArticleFeedError(NOT_A_FEED);
	if (source.startsWith('[') || source.startsWith('{')) return readJson(source);
	if (looksLikeHtml(source)) throw new ArticleFeedError(HTML_PAGE);
	if (!source.startsWith('<')) throw new ArticleFeedError(NOT_A_FEED);
	let parsed: ReturnType<typeof parseFeed>;
	try {
		parsed = parseFeed(source);
	} catch (error) {
		throw new ArticleFeedError(error instanceof DetectError && !looksTruncated(source) ? NOT_A_FEED : BROKEN_XML);
	}
	return collect(...rawItems(parsed));
}

/** A page rather than a feed: an HTML doctype or root element (XHTML included), before any feed element. */
function looksLikeHtml(source: string): boolean {
	const head = source
		.slice(0, 2000)
		.replace(/<\?xml[^>]*\?>|<!--[\s\S]*?-->/g, '')
		.trimStart();
	return /^<!doctype\s+html|^<html[\s>]/i.test(head);
}

/** A feed cut while downloading: its root element is never closed. */
function looksTruncated(source: string): boolean {
	const root = /<(rss|feed|rdf:RDF)[\s>]/.exec(source)?.[1];
	return root !== undefined && !new RegExp(`</${root}>\\s*$`).test(source);
}

type Raw = RawArticle;

function rawItems(parsed: ReturnType<typeof parseFeed>): [string | null, Raw[]] {
	switch (parsed.format) {
		case 'rss': {
			const feed = parsed.feed;
			const language = feed.language ?? feed.dc?.languages?.[0];
			const items = (feed.items ?? []).map((item): Raw => ({
				url: item.link ?? (item.guid?.isPermaLink !== false ? item.guid?.value : undefined),
				title: item.title,
				publishedAt: item.pubDate ?? item.dc?.dates?.[0],
				author: item.dc?.creators?.join(', ') || item.authors?.find((a) => a.name)?.name,
				excerptHtml: item.description,
				textHtml: item.content?.encoded ?? item.description,
				imageUrl: rssImage(item),
				language: item.dc?.languages?.[0] ?? language
			}));
			return [feed.title ?? null, items];
		}
		case 'rdf': {
			const feed = parsed.feed;
			const language = feed.dc?.languages?.[0];
			const items = (feed.items ?? []).map((item): Raw => ({
				url: item.link ?? item.rdf?.about,
				title: item.title,
				publishedAt: item.dc?.dates?.[0],
				author: item.dc?.creators?.join(', '),
				excerptHtml: item.description,
				textHtml: item.content?.encoded ?? item.description,
				imageUrl: item.media?.contents?.[0]?.url ?? item.media?.thumbnails?.[0]?.url,
				language: item.dc?.languages?.[0] ?? language
			}));
			return [feed.title ?? null, items];
		}
		case 'atom': {
			const feed = parsed.feed;
			const language = feed.xml?.lang;
			const items = (feed.entries ?? []).map((entry): Raw => {
				const link = entry.links?.find((l) => !l.rel || l.rel === 'alternate') ?? entry.links?.[0];
				return {
					url: link?.href,
					title: entry.title?.value,
					publishedAt: entry.published ?? entry.updated,
					author: entry.authors?.map((a) => a.name).join(', ') || (feed.authors?.map((a) => a.name).join(', ') ?? null),
					excerptHtml: entry.summary?.value,
					textHtml: entry.content?.value ?? entry.summary?.value,
					imageUrl:
						entry.media?.contents?.[0]?.url ??
						entry.media?.thumbnails?.[0]?.url ??
						entry.links?.find((l) => l.rel === 'enclosure' && l.type?.startsWith('image/'))?.href,
					language: entry.xml?.lang ?? language
				};
			});
			return [feed.title?.value ?? null, items];
		}
		case 'json': {
			const feed = parsed.feed;
			const items = (feed.items ?? []).map((item): Raw => ({
				url: item.url ?? item.external_url,
				title: item.title,
				publishedAt: item.date_published ?? item.date_modified,
				author: (item.authors ?? feed.authors)?.map((a) => a.name).join(', '),
				excerptHtml: item.summary,
				textHtml: item.content_html ?? item.content_text ?? item.summary,
				imageUrl: item.image ?? item.banner_image,
				language: item.language ?? feed.language
			}));
			return [feed.title ?? null, items];
		}
	}
}

function rssImage(item: { enclosures?: { url?: string; type?: string }[]; media?: { contents?: { url?: string }[]; thumbnails?: { url?: string }[] } }) {
	return item.enclosures?.find((e) => e.type?.startsWith('image/'))?.url ?? item.media?.contents?.[0]?.url ?? item.media?.thumbnails?.[0]?.url ?? null;
}

const rendered = z.object({ rendered: z.string() }).partial().optional();
const wordPressPost = z.object({
	link: z.string(),
	title: rendered,
	date: z.string().optional(),
	date_gmt: z.string().optional(),
	excerpt: rendered,
	content: rendered,
	lang: z.string().optional(),
	jetpack_featured_media_url: z.string().optional(),
	yoast_head_json: z
		.object({ og_image: z.array(z.object({ url: z.string().optional() }).loose()).optional(), og_site_name: z.string().optional() })
		.loose()
		.optional(),
	_embedded: z
		.object({
			author: z.array(z.object({ name: z.string().optional() }).loose()).optional(),
			'wp:featuredmedia': z.array(z.object({ source_url: z.string().optional() }).loose()).optional()
		})
		.loose()
		.optional()
});
// Each post checked alone: one odd post (a private one without a link) is skipped, not the whole export.
const wordPressExport = z.array(z.unknown());

function readJson(source: string): ArticleFeed {
	let json: unknown;
	try {
		json = JSON.parse(source);
	} catch {
		throw new ArticleFeedError(NOT_A_FEED);
	}
	if (!Array.isArray(json)) {
		if (json && typeof json === 'object' && 'version' in json && String(json.version).includes('jsonfeed.org')) {
			try {
				return collect(...rawItems(parseFeed(source)));
			} catch (error) {
				if (error instanceof ArticleFeedError) throw error;
				throw new ArticleFeedError(NOT_A_FEED);
			}
		}
		throw new ArticleFeedError(NOT_A_FEED);
	}
	const posts = wordPressExport.parse(json);
	if (posts.length === 0) throw new ArticleFeedError(EMPTY);
	const checked = posts.map((post) => wordPressPost.safeParse(post));
	if (checked.every((result) => !result.success)) throw new ArticleFeedError(NOT_A_FEED);
	let outlet: string | null = null;
	const raws = checked.map((result): Raw => {
		if (!result.success) return { url: null };
		const post = result.data;
		outlet ??= post.yoast_head_json?.og_site_name ?? null;
		return {
			url: post.link,
			title: post.title?.rendered,
			// `date` is the site's local time, the day its readers saw; `date_gmt` only when it is missing.
			publishedAt: post.date ?? post.date_gmt,
			author: post._embedded?.author?.[0]?.name,
			excerptHtml: post.excerpt?.rendered,
			textHtml: post.content?.rendered ?? post.excerpt?.rendered,
			imageUrl: post.jetpack_featured_media_url || post._embedded?.['wp:featuredmedia']?.[0]?.source_url || post.yoast_head_json?.og_image?.[0]?.url,
			language: post.lang
		};
	});
	return collect(outlet, raws);
}

function collect(outlet: string | null, raws: Raw[]): ArticleFeed {
	if (raws.length === 0) throw new ArticleFeedError(EMPTY);
	const items: ArticleDraft[] = [];
	const problems: string[] = [];
	const seen = new Set<string>();
	raws.forEach((raw, index) => {
		const draft = articleDraft(raw);
		const number = `Article n°${NBSP}${index + 1}`;
		if ('missing' in draft) {
			problems.push(draft.missing === 'url' ? `${number} ignoré${NBSP}: pas d’adresse http(s).` : `${number} ignoré${NBSP}: pas de titre.`);
		} else if (seen.has(draft.url)) {
			problems.push(`${number} ignoré${NBSP}: même adresse qu’un article précédent.`);
		} else {
			seen.add(draft.url);
			items.push(draft);
		}
	});
	return { outlet: htmlToText(outlet ?? '', 200) || null, items, problems };
}
