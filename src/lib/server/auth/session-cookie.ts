import type { Cookies } from '@sveltejs/kit';

/**
 * Over HTTPS the cookie gets the `__Host-` prefix, which browsers only accept with Secure, Path=/ and no
 * Domain: no subdomain or plain-HTTP page can plant or overwrite it. Local HTTP development keeps a plain name.
 */
export function sessionCookieName(url: URL): string {
	return url.protocol === 'https:' ? '__Host-carto_session' : 'carto_session';
}

export function setSessionCookie(cookies: Cookies, url: URL, token: string, expiresAt: Date) {
	cookies.set(sessionCookieName(url), token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		expires: expiresAt
	});
}

export function clearSessionCookie(cookies: Cookies, url: URL) {
	cookies.delete(sessionCookieName(url), { path: '/', httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:' });
}
