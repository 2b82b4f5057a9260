/**
 * An article page to a draft, from what the page says about itself: Open Graph and `article:*` tags, Twitter
 * cards, schema.org JSON-LD (Article, NewsArticle, BlogPosting, also inside `@graph`), and the plain HTML
 * (`<title>`, `<meta name="description">`, `<html lang>`) last. The body text (of `<article>`, else `<main>`,
 * else `<body>`, without scripts, navigation or footers) is kept for mention detection. Read with htmlparser2,
 * as a browser would tokenise it, not with regexes. A broken JSON-LD block is ignored.
 */
import { Parser } from 'htmlparser2';
import { articleDraft, capText, cleanLine, EXCERPT_MAX, httpAddress, TEXT_MAX, TITLE_MAX, type ArticleDraft } from './article-draft';

/** Left out of the body text: not what the article says. */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'nav', 'footer', 'aside', 'form', 'iframe', 'button', 'select']);
const BLOCKS = /^(p|div|br|hr|li|ul|ol|h[1-6]|tr|td|th|table|section|article|header|main|blockquote|figure|figcaption|pre|dd|dt|dl|img)$/;
const ARTICLE_TYPES = new Set([
	'article',
	'newsarticle',
	'blogposting',
	'reportagenewsarticle',
	'analysisnewsarticle',
	'opinionnewsarticle',
	'scholarlyarticle',
	'techarticle',
	'report'
]);

interface PageScan {
	meta: Map<string, string>;
	title: string;
	lang: string | null;
	jsonLd: string[];
	article: string[];
	main: string[];
	body: string[];
}

export function readPageMetadata(html: string, pageUrl: string): ArticleDraft {
	const page = scan(html);
	const ld = articleLd(page.jsonLd);
	const meta = (...names: string[]) => names.map((n) => page.meta.get(n)).find((v) => v !== undefined && v.trim() !== '') ?? null;
	const bodyText = cleanLine((page.article.length ? page.article : page.main.length ? page.main : page.body).join(''), TEXT_MAX);
	const author = ldNames(ld?.author) ?? notAnAddress(meta('article:author')) ?? meta('author', 'dc.creator', 'sailthru.author');
	const draft = articleDraft({
		url: pageUrl,
		title: meta('og:title') ?? text(ld?.headline) ?? text(ld?.name) ?? meta('twitter:title') ?? page.title,
		publishedAt: meta('article:published_time') ?? text(ld?.datePublished) ?? meta('date', 'dc.date', 'dcterms.created', 'pubdate', 'publish-date'),
		outlet: meta('og:site_name') ?? ldNames(ld?.publisher) ?? meta('application-name'),
		author,
		excerptHtml: meta('og:description') ?? text(ld?.description) ?? meta('twitter:description', 'description'),
		text: bodyText,
		imageUrl: firstHttp(
			[meta('og:image:secure_url'), meta('og:image'), meta('og:image:url'), ...ldImages(ld?.image), meta('twitter:image', 'twitter:image:src')],
			pageUrl
		),
		language: page.lang ?? meta('og:locale') ?? text(ld?.inLanguage)
	});
	if (!('missing' in draft)) return draft;
	// A page without a title (or an address the caller should not have passed): the editor fills it in.
	return {
		url: httpAddress(pageUrl) ?? pageUrl,
		title: '',
		publishedAt: null,
		outlet: null,
		author: null,
		excerpt: capText(bodyText, EXCERPT_MAX),
		imageUrl: null,
		language: null,
		text: bodyText
	};
}

function scan(html: string): PageScan {
	const page: PageScan = { meta: new Map(), title: '', lang: null, jsonLd: [], article: [], main: [], body: [] };
	const open: string[] = [];
	let skipped = 0;
	let inTitle = false;
	let ldScript: string[] | null = null;
	// Only the first <article> and <main>: a page listing « related articles » has several.
	let articleDepth = 0;
	let articleDone = false;
	let mainDepth = 0;
	let mainDone = false;
	let bodyDepth = 0;
	let length = 0;
	const push = (value: string) => {
		if (length > TEXT_MAX * 3) return;
		length += value.length;
		if (articleDepth > 0) page.article.push(value);
		if (mainDepth > 0) page.main.push(value);
		if (bodyDepth > 0) page.body.push(value);
	};
	const parser = new Parser(
		{
			onopentag(name, attributes) {
				open.push(name);
				if (name === 'html' && attributes.lang) page.lang = attributes.lang;
				else if (name === 'meta') {
					const key = (attributes.property ?? attributes.name ?? attributes.itemprop ?? '').trim().toLowerCase();
					// The first wins: pages repeat og:image for sizes, the first is the main one.
					if (key && attributes.content !== undefined && !page.meta.has(key)) page.meta.set(key, attributes.content);
				} else if (name === 'title' && open.length <= 3) inTitle = !page.title;
				else if (name === 'script' && /ld\+json/i.test(attributes.type ?? '')) ldScript = [];
				if (name === 'article' && !articleDone) articleDepth++;
				if (name === 'main' && !mainDone) mainDepth++;
				if (name === 'body') bodyDepth++;
				if (SKIPPED.has(name)) skipped++;
				else if (BLOCKS.test(name)) push(' ');
			},
			ontext(value) {
				if (ldScript) ldScript.push(value);
				else if (inTitle) page.title += value;
				else if (skipped === 0) push(value);
			},
			onclosetag(name) {
				open.pop();
				if (name === 'title') inTitle = false;
				if (name === 'script' && ldScript) {
					page.jsonLd.push(ldScript.join(''));
					ldScript = null;
				}
				if (SKIPPED.has(name)) skipped = Math.max(0, skipped - 1);
				else if (BLOCKS.test(name)) push(' ');
				if (name === 'article' && articleDepth > 0 && --articleDepth === 0) articleDone = true;
				if (name === 'main' && mainDepth > 0 && --mainDepth === 0) mainDone = true;
				if (name === 'body') bodyDepth = Math.max(0, bodyDepth - 1);
			}
		},
		{ decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true }
	);
	parser.write(html);
	parser.end();
	page.title = cleanLine(page.title, TITLE_MAX);
	return page;
}

type Ld = Record<string, unknown>;

/** The first Article-like object of the page's JSON-LD blocks, looking inside arrays and `@graph`. */
function articleLd(blocks: string[]): Ld | null {
	for (const block of blocks) {
		let json: unknown;
		try {
			json = JSON.parse(block.trim().replace(/^<!--|-->$/g, ''));
		} catch {
			continue;
		}
		const found = findArticle(json, 0);
		if (found) return found;
	}
	return null;
}

function findArticle(node: unknown, depth: number): Ld | null {
	if (depth > 4 || !node || typeof node !== 'object') return null;
	if (Array.isArray(node)) {
		for (const item of node) {
			const found = findArticle(item, depth + 1);
			if (found) return found;
		}
		return null;
	}
	const object = node as Ld;
	const types = [object['@type']].flat().map((t) => String(t).toLowerCase());
	if (types.some((t) => ARTICLE_TYPES.has(t))) return object;
	return findArticle(object['@graph'], depth + 1);
}

function text(value: unknown): string | null {
	return typeof value === 'string' && value.trim() ? value : null;
}

/** `author` or `publisher`: a name, an object with a name, or a list of them, joined with commas. */
function ldNames(value: unknown): string | null {
	const names = [value]
		.flat()
		.map((v) => (typeof v === 'string' ? notAnAddress(v) : v && typeof v === 'object' ? text((v as Ld).name) : null))
		.filter((v): v is string => v !== null);
	return names.length ? [...new Set(names)].join(', ') : null;
}

/** `image`: an address, an ImageObject (`url` or `contentUrl`), or a list of either. */
function ldImages(value: unknown): (string | null)[] {
	return [value].flat().map((v) => (typeof v === 'string' ? v : v && typeof v === 'object' ? (text((v as Ld).url) ?? text((v as Ld).contentUrl)) : null));
}

function firstHttp(candidates: (string | null)[], base: string): string | null {
	for (const candidate of candidates) {
		const url = httpAddress(candidate, base);
		if (url) return url;
	}
	return null;
}

/** `article:author` is often the author's page (a Facebook profile): an address is not a name. */
function notAnAddress(value: string | null): string | null {
	return value && !/^https?:\/\//i.test(value.trim()) ? value : null;
}
