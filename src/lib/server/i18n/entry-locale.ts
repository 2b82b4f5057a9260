/**
 * Which language a visitor entering the site at a French address should read. The URL decides inside the
 * site; only an entry (typed address, bookmark, link from elsewhere) to a root page may move to /en/…:
 * the remembered choice (paraglide's cookie, written by the browser on each page) first, then, before any
 * choice exists, the browser's Accept-Language. A link followed inside the site is a choice already (the
 * language switcher without JavaScript, for one): never overridden.
 */
import { baseLocale, cookieName, extractLocaleFromHeader, extractLocaleFromUrl, isLocale, type Locale } from '$lib/paraglide/runtime';
import { isLocalisedPath, localHref } from '$lib/i18n/locale-href';

export function entryLocale(request: Request, url: URL): Locale {
	const headers = request.headers;
	const entering =
		(request.method === 'GET' || request.method === 'HEAD') &&
		headers.get('sec-fetch-dest') === 'document' &&
		headers.get('sec-fetch-site') !== 'same-origin' &&
		extractLocaleFromUrl(url) === baseLocale && // a root (French) address, not /en/…
		isLocalisedPath(url.pathname);
	if (!entering) return baseLocale;
	const remembered = readCookie(headers.get('cookie'), cookieName);
	if (remembered !== undefined) return isLocale(remembered) ? remembered : baseLocale;
	return extractLocaleFromHeader(request) ?? baseLocale;
}

/** The redirect for an entry that should read English, or null to serve the French page as it is. */
export function entryRedirect(request: Request, url: URL): Response | null {
	const locale = entryLocale(request, url);
	if (locale === baseLocale) return null;
	return new Response(null, {
		status: 307,
		headers: {
			location: localHref(url.pathname + url.search, locale),
			// The same address answers differently by cookie and language: no shared cache may keep this.
			vary: 'cookie, accept-language',
			'cache-control': 'private, no-store'
		}
	});
}

function readCookie(header: string | null, name: string): string | undefined {
	for (const part of header?.split(';') ?? []) {
		const [key, ...value] = part.trim().split('=');
		if (key === name) return value.join('=');
	}
	return undefined;
}
