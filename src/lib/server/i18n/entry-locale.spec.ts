import { describe, expect, it } from 'vitest';
import { entryLocale, entryRedirect } from './entry-locale';

/** A browser's top-level navigation: what Chromium sends when an address is typed or a link followed. */
function visit(path: string, headers: Record<string, string> = {}, method = 'GET') {
	const url = new URL(path, 'http://localhost:3000');
	return { request: new Request(url, { method, headers: { 'sec-fetch-dest': 'document', 'sec-fetch-site': 'none', ...headers } }), url };
}
const locale = (path: string, headers: Record<string, string> = {}, method = 'GET') => {
	const { request, url } = visit(path, headers, method);
	return entryLocale(request, url);
};

describe('the language of an entry at a French address', () => {
	it('French visitors, and anyone without a preference, stay on the French page as before', () => {
		expect(locale('/')).toBe('fr');
		expect(locale('/carte', { 'accept-language': 'fr-FR,fr;q=0.9,en;q=0.8' })).toBe('fr');
		expect(locale('/carte', { 'accept-language': 'de-DE,de;q=0.9' })).toBe('fr');
	});
	it('first visit: Accept-Language preferring English', () => {
		expect(locale('/carte', { 'accept-language': 'en-GB,en;q=0.9,fr;q=0.5' })).toBe('en');
		expect(locale('/', { 'accept-language': 'de,en;q=0.8' })).toBe('en');
	});
	it('the remembered choice wins over Accept-Language, both ways', () => {
		expect(locale('/carte', { cookie: 'PARAGLIDE_LOCALE=fr', 'accept-language': 'en' })).toBe('fr');
		expect(locale('/carte', { cookie: 'carto_session=x; PARAGLIDE_LOCALE=en', 'accept-language': 'fr' })).toBe('en');
		expect(locale('/carte', { cookie: 'PARAGLIDE_LOCALE=klingon', 'accept-language': 'en' })).toBe('fr');
	});
	it('a link followed inside the site is a choice already (the switcher without JavaScript)', () => {
		expect(locale('/carte', { cookie: 'PARAGLIDE_LOCALE=en', 'sec-fetch-site': 'same-origin' })).toBe('fr');
	});
	it('never for API calls, fetches, form posts, files or embeds', () => {
		expect(locale('/api/v1/export.csv', { cookie: 'PARAGLIDE_LOCALE=en' })).toBe('fr');
		expect(locale('/embed/carte', { cookie: 'PARAGLIDE_LOCALE=en' })).toBe('fr');
		expect(locale('/agenda.ics', { cookie: 'PARAGLIDE_LOCALE=en' })).toBe('fr');
		expect(locale('/connexion', { cookie: 'PARAGLIDE_LOCALE=en' }, 'POST')).toBe('fr');
		expect(locale('/carte', { cookie: 'PARAGLIDE_LOCALE=en', 'sec-fetch-dest': 'empty' })).toBe('fr');
		const { url } = visit('/carte');
		expect(entryLocale(new Request(url, { headers: { cookie: 'PARAGLIDE_LOCALE=en' } }), url)).toBe('fr'); // no fetch metadata (curl, tests)
	});
});

describe('the redirect to English', () => {
	it('keeps the page and its query, and tells caches it depends on the cookie and the language', () => {
		const { request, url } = visit('/carte?categorie=incubateur', { cookie: 'PARAGLIDE_LOCALE=en' });
		const response = entryRedirect(request, url);
		expect(response?.status).toBe(307);
		expect(response?.headers.get('location')).toBe('/en/carte?categorie=incubateur');
		expect(response?.headers.get('vary')).toBe('cookie, accept-language');
		expect(response?.headers.get('cache-control')).toBe('private, no-store');
	});
	it('none for an English address (already there) or a French visitor', () => {
		const english = visit('/en/carte', { cookie: 'PARAGLIDE_LOCALE=en' });
		expect(entryRedirect(english.request, english.url)).toBeNull();
		const french = visit('/carte', { 'accept-language': 'fr-FR' });
		expect(entryRedirect(french.request, french.url)).toBeNull();
	});
});
