/**
 * Downloads a partner's public calendar address. The request is the fenced GET of `http/fenced-fetch.ts` (http(s)
 * only, no private network, a deadline, a size cap, bounded redirects); this file adds what is particular to
 * calendars: webcal:// addresses, the conditional headers of the last poll, and the check that the answer is one.
 */
import { NBSP } from '$lib/domain/french/typography';
import { fencedFailure, fencedGet, type FencedFailure } from '../http/fenced-fetch';
import { charsetOf, decodeCalendarBytes } from './calendar-decode';

export { guardedLookup, RefusedAddressError } from '../http/fenced-fetch';

export type FetchErrorCode = 'bad-url' | 'private-address' | 'timeout' | 'too-large' | 'http-status' | 'network' | 'too-many-redirects' | 'not-calendar';

export type FetchResult =
	| { status: 'not-modified' }
	| { status: 'ok'; text: string; etag: string | null; lastModified: string | null; finalUrl: string }
	| { status: 'error'; code: FetchErrorCode; detail: string };

export interface PreviousFetch {
	etag?: string | null;
	lastModified?: string | null;
}

export interface FetchCalendarOptions {
	timeoutMs?: number;
	maxBytes?: number;
	/**
	 * Tests only (the fake calendar server listens on 127.0.0.1): `true` allows every private address, a function
	 * allows the private addresses it accepts (to check that a redirect elsewhere is still refused).
	 */
	allowPrivateAddresses?: boolean | ((address: string) => boolean);
	maxRedirects?: number;
}

export const CALENDAR_USER_AGENT = 'ConnecteurCarto/1.0 (+agenda)';

const quoted = (text: string) => `«${NBSP}${text}${NBSP}»`;

export async function fetchCalendar(url: string, previous: PreviousFetch = {}, options: FetchCalendarOptions = {}): Promise<FetchResult> {
	const result = await fencedGet(url, {
		...options,
		accept: 'text/calendar, text/plain;q=0.8, */*;q=0.5',
		userAgent: CALENDAR_USER_AGENT,
		etag: previous.etag,
		lastModified: previous.lastModified,
		parseUrl: calendarUrl
	});
	if (result.status !== 'ok') return result;
	const text = decodeCalendarBytes(result.bytes, charsetOf(result.contentType ?? undefined));
	if (!/BEGIN:VCALENDAR/i.test(text))
		return { status: 'error', code: 'not-calendar', detail: `La réponse n’est pas un calendrier iCalendar (${result.contentType ?? 'sans type'}).` };
	return { status: 'ok', text: text.replace(/^\uFEFF/, ''), etag: result.etag, lastModified: result.lastModified, finalUrl: result.finalUrl };
}

/** webcal:// is how calendar applications say « subscribe »; it is plain https underneath. */
export function calendarUrl(text: string, base?: URL): URL | FencedFailure {
	let url: URL;
	try {
		url = new URL(text.trim(), base);
	} catch {
		return fencedFailure('bad-url', `Adresse illisible${NBSP}: ${quoted(text)}.`);
	}
	if (url.protocol === 'webcal:' || url.protocol === 'webcals:') url = new URL(`https:${url.href.slice(url.protocol.length)}`);
	if (url.protocol !== 'http:' && url.protocol !== 'https:')
		return fencedFailure('bad-url', `Seules les adresses http, https et webcal sont acceptées (${quoted(url.protocol)}).`);
	if (!url.hostname) return fencedFailure('bad-url', `Adresse sans nom de serveur${NBSP}: ${quoted(text)}.`);
	return url;
}
