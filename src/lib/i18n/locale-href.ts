/**
 * Addresses in the visitor's language: French at the root (unchanged URLs), English under /en/….
 * Every internal link of a translated page goes through `localHref`, so a visitor reading in English stays in
 * English; the API, partners' embeds and files exist once, at their French-free address, in every language.
 */
import { deLocalizeHref, getLocale, localizeHref, locales, type Locale } from '$lib/paraglide/runtime';

/** /api/v1/…, /embed/…, /images/…, SvelteKit's /_app/… and any file (a dot in the last segment: .csv, .ics, .svg). */
const SHARED_ADDRESS = /^\/(?:api|embed|images|_app)(?:\/|$)|\/[^/]*\.[^/]*$/;

/** Whether a (de-localised) path names a page that exists in each language. The /api page documents the API: it is a page. */
export function isLocalisedPath(pathname: string): boolean {
	return pathname === '/api' || !SHARED_ADDRESS.test(pathname);
}

/** The page's path without its language prefix ('/en/carte' -> '/carte'); a shared address under /en stays as it is (a 404). */
export function routePath(pathname: string): string {
	const path = deLocalizeHref(pathname);
	return isLocalisedPath(path) ? path : pathname;
}

/** An internal href ('/carte?…') in the current language (or `locale`); external, relative and shared addresses are left alone. */
export function localHref(href: string, locale: Locale = getLocale()): string {
	if (!href.startsWith('/') || href.startsWith('//')) return href;
	const path = href.split(/[?#]/, 1)[0] ?? href;
	return isLocalisedPath(deLocalizeHref(path)) ? withoutRootSlash(localizeHref(href, { locale })) : href;
}

/**
 * '/en/' -> '/en' (and '/en/?q=…' -> '/en?q=…'): paraglide keeps the root's slash, SvelteKit (trailingSlash
 * 'never') would answer it with one more redirect.
 */
function withoutRootSlash(href: string): string {
	return href.replace(/^(\/[a-z]{2})\/(?=$|[?#])/, '$1');
}

/** The same page, with its filters (query) and anchor, in another language: what the language switcher links to. */
export function switchHref(url: URL, locale: Locale): string {
	return localHref(deLocalizeHref(url.pathname + url.search + url.hash), locale);
}

/** `hreflang` alternates for the current page: one per language, and x-default (the French root) for everyone else. */
export function alternates(url: URL): { hreflang: string; href: string }[] {
	const page = deLocalizeHref(url.pathname + url.search);
	const links = locales.map((locale) => ({ hreflang: locale, href: new URL(localHref(page, locale), url.origin).href }));
	return [...links, { hreflang: 'x-default', href: new URL(page, url.origin).href }];
}
