import type { Handle, HandleServerError } from '@sveltejs/kit';
import { BASEMAP_HOSTS, basemapSetting } from '$lib/server/config';
import { widenCsp } from '$lib/server/http/csp';
import { getDb } from '$lib/server/db/connection';
import { sessionCookieName } from '$lib/server/auth/session-cookie';
import { validateSession } from '$lib/server/services/auth.service';

const securityHeaders: Record<string, string> = {
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'strict-origin-when-cross-origin',
	'x-frame-options': 'DENY',
	'permissions-policy': 'geolocation=(self), camera=(), microphone=()'
};

/** Read once at start-up: a wrong CARTO_BASEMAP stops the server with a French message, not every request. */
const basemapHosts = BASEMAP_HOSTS[basemapSetting()];

export const handle: Handle = async ({ event, resolve }) => {
	// Only requests that carry the cookie touch the database: anonymous visitors cost nothing here.
	const token = event.cookies.get(sessionCookieName(event.url));
	event.locals.user = token ? (validateSession(getDb(), token)?.user ?? null) : null;
	const response = await resolve(event);
	const csp = response.headers.get('content-security-policy');
	if (csp) response.headers.set('content-security-policy', widenCsp(csp, basemapHosts));
	for (const [name, value] of Object.entries(securityHeaders)) {
		if (!response.headers.has(name)) response.headers.set(name, value);
	}
	return response;
};

/** Unexpected errors are logged with an id and never shown in detail to the visitor. */
export const handleError: HandleServerError = ({ error, event, status }) => {
	const id = Math.random().toString(36).slice(2, 10);
	if (status !== 404) console.error(`[${id}] ${event.request.method} ${event.url.pathname}`, error);
	return {
		message: status === 404 ? 'Page introuvable.' : `Une erreur inattendue est survenue (référence ${id}).`
	};
};
