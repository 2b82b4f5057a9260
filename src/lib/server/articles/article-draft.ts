/**
 * An article as read from outside (a page's metadata, a feed item, a WordPress post) before an editor keeps it:
 * the same shape whatever the source, every text plain and capped, every address http(s), the date a day.
 */
import { Parser } from 'htmlparser2';

export interface ArticleDraft {
	url: string;
	title: string;
	/** 'YYYY-MM-DD', the day as the publisher wrote it. */
	publishedAt: string | null;
	outlet: string | null;
	author: string | null;
	excerpt: string;
	imageUrl: string | null;
	language: 'fr' | 'en' | null;
	/** Plain text of the body when known, for mention detection. */
	text: string;
}

export const TITLE_MAX = 300;
export const EXCERPT_MAX = 600;
export const TEXT_MAX = 20_000;
const LINE_MAX = 200;

/** Elements whose content is never text a reader sees. */
const HIDDEN = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object']);
/** Elements that end a word: « <p>a</p><p>b</p> » reads « a b », not « ab ». */
const BLOCKS =
	/^(p|div|br|hr|li|ul|ol|h[1-6]|tr|td|th|table|section|article|header|footer|aside|nav|main|blockquote|figure|figcaption|pre|dd|dt|dl|img|option)$/;

/** One line of plain text: spaces collapsed, trimmed, cut at a word before `max` with « … ». */
export function cleanLine(text: string, max = LINE_MAX): string {
	return capText(text.replace(/[\s\u00a0\u202f]+/g, (space) => (/[\u00a0\u202f]/.test(space) && space.length === 1 ? space : ' ')).trim(), max);
}

/** Cuts at the last space before `max` (a word is not cut in two unless it is the only one), with « … ». */
export function capText(text: string, max: number): string {
	if (text.length <= max) return text;
	const cut = text.slice(0, max - 1);
	const space = cut.lastIndexOf(' ');
	return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}

/**
 * HTML (or text with entities) to one line of plain text: tags dropped, entities decoded, scripts and styles
 * left out, a space where a block ends, at most `max` characters.
 */
export function htmlToText(html: string, max = TEXT_MAX): string {
	if (!/[<&]/.test(html)) return cleanLine(html, max);
	const parts: string[] = [];
	let length = 0;
	let hidden = 0;
	const parser = new Parser(
		{
			onopentag(name) {
				if (HIDDEN.has(name)) hidden++;
				else if (BLOCKS.test(name)) parts.push(' ');
			},
			ontext(text) {
				// The cap is counted loosely here (twice the size, before spaces are collapsed) to stop reading early.
				if (hidden > 0 || length > max * 2) return;
				parts.push(text);
				length += text.length;
			},
			onclosetag(name) {
				if (HIDDEN.has(name)) hidden = Math.max(0, hidden - 1);
				else if (BLOCKS.test(name)) parts.push(' ');
			}
		},
		{ decodeEntities: true }
	);
	parser.write(html);
	parser.end();
	return cleanLine(parts.join(''), max);
}

/** The address as an absolute http(s) address, or null (javascript:, data:, mailto:, unreadable). */
export function httpAddress(value: unknown, base?: string | URL): string | null {
	if (typeof value !== 'string' || !value.trim()) return null;
	try {
		const url = new URL(value.trim(), base);
		return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
	} catch {
		return null;
	}
}

const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };

/**
 * A publication date to 'YYYY-MM-DD': ISO 8601 (« 2026-12-01T10:15:00+01:00 ») and RFC 822 (« Tue, 01 Dec 2026
 * 10:15:00 +0000 », RSS) keep the day written, whatever the zone, since that is the day the publisher printed;
 * anything else JavaScript can read is taken in UTC; null when unreadable.
 */
export function normaliseDate(value: unknown): string | null {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
	if (typeof value !== 'string') return null;
	const text = value.trim();
	const iso = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(text);
	if (iso) return day(Number(iso[1]), Number(iso[2]), Number(iso[3]));
	const rfc = /^(?:[a-z]{3,9},?\s+)?(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{2,4})(?:\s|$)/i.exec(text);
	if (rfc) {
		const month = MONTHS[(rfc[2] as string).toLowerCase()];
		const year = Number(rfc[3]);
		return month ? day(year < 100 ? 2000 + year : year, month, Number(rfc[1])) : null;
	}
	const parsed = Date.parse(text);
	return Number.isNaN(parsed) ? null : new Date(parsed).toISOString().slice(0, 10);
}

function day(year: number, month: number, date: number): string | null {
	const check = new Date(Date.UTC(year, month - 1, date));
	if (year < 1900 || year > 2200 || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== date) return null;
	return `${year}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
}

/** « fr-FR », « fr_CA », « French », « en-us » to fr / en; other languages and nothing to null. */
export function languageOf(value: unknown): 'fr' | 'en' | null {
	if (typeof value !== 'string') return null;
	const code = value.trim().toLowerCase();
	if (/^(?:(?:fr|fre|fra)(?:[-_][a-z0-9]+)*|french|français|francais)$/.test(code)) return 'fr';
	if (/^(?:(?:en|eng)(?:[-_][a-z0-9]+)*|english|anglais)$/.test(code)) return 'en';
	return null;
}

/** What a reader gives before it is cleaned: texts may hold HTML, the date any format above. */
export interface RawArticle {
	url: unknown;
	title?: string | null;
	publishedAt?: unknown;
	outlet?: string | null;
	author?: string | null;
	excerptHtml?: string | null;
	textHtml?: string | null;
	/** Plain text already extracted (a page's body); used when there is no `textHtml`. */
	text?: string | null;
	imageUrl?: unknown;
	language?: unknown;
}

/**
 * The draft, cleaned, or why it cannot be one (no http(s) address, no title). The excerpt falls back to the start
 * of the text, the text to the excerpt.
 */
export function articleDraft(raw: RawArticle, base?: string): ArticleDraft | { missing: 'url' | 'title' } {
	const url = httpAddress(raw.url, base);
	if (!url) return { missing: 'url' };
	const title = htmlToText(raw.title ?? '', TITLE_MAX);
	if (!title) return { missing: 'title' };
	const text = raw.textHtml ? htmlToText(raw.textHtml, TEXT_MAX) : cleanLine(raw.text ?? '', TEXT_MAX);
	const excerpt = htmlToText(raw.excerptHtml ?? '', EXCERPT_MAX) || capText(text, EXCERPT_MAX);
	return {
		url,
		title,
		publishedAt: normaliseDate(raw.publishedAt),
		outlet: htmlToText(raw.outlet ?? '', LINE_MAX) || null,
		author: htmlToText(raw.author ?? '', LINE_MAX) || null,
		excerpt,
		imageUrl: httpAddress(raw.imageUrl, url),
		language: languageOf(raw.language),
		text: text || excerpt
	};
}
