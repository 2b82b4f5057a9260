/**
 * Downloads an article page or a media's feed, with the same fence as partners' calendars
 * (`http/fenced-fetch.ts`), and turns the bytes into text by the charset they declare.
 */
import iconv from 'iconv-lite';
import { fencedGet, type FencedErrorCode } from '../http/fenced-fetch';
import { charsetOf } from '../feeds/calendar-decode';

export type ArticleFetchErrorCode = FencedErrorCode | 'not-html';

export type ArticleFetchResult =
	{ status: 'ok'; text: string; contentType: string | null; finalUrl: string } | { status: 'error'; code: ArticleFetchErrorCode; detail: string };

export interface ArticleFetchOptions {
	timeoutMs?: number;
	maxBytes?: number;
	maxRedirects?: number;
	/** Tests only: see `FencedGetOptions`. */
	allowPrivateAddresses?: boolean | ((address: string) => boolean);
}

export const ARTICLE_USER_AGENT = 'ConnecteurCarto/1.0 (+articles)';
const PAGE_DEFAULTS = { timeoutMs: 10_000, maxBytes: 3 * 1024 * 1024 };
const FEED_DEFAULTS = { timeoutMs: 15_000, maxBytes: 10 * 1024 * 1024 };

/** An article's web page, as text; something else (a PDF, an image) is refused with `not-html`. */
export async function fetchArticlePage(url: string, options: ArticleFetchOptions = {}): Promise<ArticleFetchResult> {
	const result = await fencedGet(url, {
		...PAGE_DEFAULTS,
		...options,
		accept: 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5',
		userAgent: ARTICLE_USER_AGENT
	});
	if (result.status === 'not-modified') return unexpected304();
	if (result.status === 'error') return result;
	const text = decodeDocumentBytes(result.bytes, result.contentType);
	const type = result.contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
	const htmlType = type === '' || type === 'text/html' || type === 'application/xhtml+xml' || type === 'text/plain';
	if (!htmlType || !/<(html|head|body|meta|title)[\s>]/i.test(text.slice(0, 100_000)))
		return { status: 'error', code: 'not-html', detail: `Cette adresse ne renvoie pas une page web (${result.contentType ?? 'sans type'}).` };
	return { status: 'ok', text, contentType: result.contentType, finalUrl: result.finalUrl };
}

/** A feed (RSS, Atom, JSON Feed, WordPress JSON), as text; `readArticleFeed` says whether it is one. */
export async function fetchArticleFeed(url: string, options: ArticleFetchOptions = {}): Promise<ArticleFetchResult> {
	const result = await fencedGet(url, {
		...FEED_DEFAULTS,
		...options,
		accept: 'application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
		userAgent: ARTICLE_USER_AGENT
	});
	if (result.status === 'not-modified') return unexpected304();
	if (result.status === 'error') return result;
	return { status: 'ok', text: decodeDocumentBytes(result.bytes, result.contentType), contentType: result.contentType, finalUrl: result.finalUrl };
}

// No conditional header is sent, so a 304 is the server's mistake.
const unexpected304 = (): ArticleFetchResult => ({ status: 'error', code: 'http-status', detail: 'Le serveur a répondu 304 sans qu’on le lui demande.' });

/**
 * Bytes of a page or feed to text: a byte order mark first, then valid UTF-8 (what most servers send, even when
 * they say otherwise), then the charset declared in the HTTP header, the XML declaration or a `<meta>`, then
 * windows-1252 (what browsers read « iso-8859-1 » and unlabelled bytes as).
 */
export function decodeDocumentBytes(bytes: Uint8Array, contentType: string | null): string {
	const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) return buffer.subarray(3).toString('utf8');
	if (buffer[0] === 0xff && buffer[1] === 0xfe) return new TextDecoder('utf-16le').decode(buffer.subarray(2));
	if (buffer[0] === 0xfe && buffer[1] === 0xff) return new TextDecoder('utf-16be').decode(buffer.subarray(2));
	const declared = charsetOf(contentType ?? undefined) ?? declaredInDocument(buffer);
	const label = declared?.trim().toLowerCase() ?? null;
	if (label && !isUtf8(label) && iconv.encodingExists(label) && !isLatin1(label)) return iconv.decode(buffer, label);
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
	} catch {
		return iconv.decode(buffer, 'windows-1252');
	}
}

const isUtf8 = (label: string) => label === 'utf-8' || label === 'utf8';
const isLatin1 = (label: string) => ['iso-8859-1', 'latin1', 'us-ascii', 'ascii', 'windows-1252', 'cp1252'].includes(label);

/** `<?xml encoding="…"?>`, `<meta charset="…">` or `<meta http-equiv="Content-Type" content="…; charset=…">` in the first 2 KB. */
function declaredInDocument(buffer: Buffer): string | null {
	const head = buffer.subarray(0, 2048).toString('latin1');
	return /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i.exec(head)?.[1] ?? /<meta[^>]+charset\s*=\s*["']?([^"'\s/>;]+)/i.exec(head)?.[1] ?? null;
}
