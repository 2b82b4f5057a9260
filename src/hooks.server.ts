import type { Handle, HandleServerError, RequestEvent, ServerInit } from '@sveltejs/kit';
import { building } from '$app/environment';
import { startServerJobs, stopServerJobs } from '$lib/server/jobs/start';
import { BASEMAP_HOSTS, basemapSetting, embedAncestors } from '$lib/server/config';
import { allowFraming, isEmbedPath } from '$lib/server/http/embed-headers';
import { widenCsp } from '$lib/server/http/csp';
import { apiWriteRefusal } from '$lib/server/http/api-write-guard';
import { crossSiteFormRefusal } from '$lib/server/http/csrf';
import { apiOptions } from '$lib/server/http/api';
import { closeDb, getDb } from '$lib/server/db/connection';
import { sessionCookieName } from '$lib/server/auth/session-cookie';
import { validateSession } from '$lib/server/services/auth.service';
import { securityLog } from '$lib/server/auth/security-log';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { baseLocale } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import { isLocalisedPath, routePath } from '$lib/i18n/locale-href';
import { entryRedirect } from '$lib/server/i18n/entry-locale';
import { accessLine, accessLogEnabled, requestId } from '$lib/server/http/access-log';
import { clientErrorLine, clientErrorMessage, plainTextWriteRefusal } from '$lib/server/http/client-errors';
import { clientKey } from '$lib/server/http/client-address';
import { dataRevision, PageCache, pageKey } from '$lib/server/http/page-cache';
import { rebuildInBackground } from '$lib/server/worker/background';
import { recoverInterruptedImports } from '$lib/server/import/chunked-write';
import { eventLoopStatsEnabled, startEventLoopStats } from '$lib/server/http/event-loop-stats';
import { pathwaysReady } from '$lib/server/pathways/pathway-cache';
import { warmMapTiles } from '$lib/server/worker/tiles-worker';
import { heavyTurn, lightRoute } from '$lib/server/http/heavy-turns';

const securityHeaders: Record<string, string> = {
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'strict-origin-when-cross-origin',
	'x-frame-options': 'DENY',
	'permissions-policy': 'geolocation=(self), camera=(), microphone=()',
	// Pages get SvelteKit's CSP (svelte.config.js); everything else (JSON, SVG, files, refusals) gets a
	// policy that runs nothing, so a stored payload opened directly (an SVG, say) cannot execute either.
	'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
};

/** Read once at start-up: a wrong CARTO_BASEMAP stops the server with a French message, not every request. */
const basemapHosts = BASEMAP_HOSTS[basemapSetting()];
const frameAncestors = embedAncestors();
const accessLog = accessLogEnabled();
const pages = new PageCache();

/** The scheduler runs in the server process only: not while building, not in unit tests (they never load hooks). */
export const init: ServerInit = () => {
	if (building) return;
	rebuildInBackground(true);
	// An import a crash cut in the middle is taken back (or its undo finished) before anyone commits it again.
	void recoverInterruptedImports(getDb())
		.then((n) => n > 0 && console.warn(`${n} import(s) interrompu(s) par un arrêt repris au démarrage`))
		.catch((error) => console.error('reprise des imports interrompus :', error));
	// A large directory's pathways are built in a worker from start-up, not by the first visitor's request.
	void pathwaysReady(getDb());
	startServerJobs();
	// So is the map's unfiltered cluster index (its worker thread): the first /carte does not wait for it. After
	// the jobs' registration (it writes, and any write is a new revision), and again once the jobs missed while
	// the server was down have run (5 s): that second call costs nothing when they changed nothing.
	const warm = () => void warmMapTiles(getDb()).catch((error) => console.error('index des tuiles de la carte :', error));
	warm();
	setTimeout(warm, 8_000).unref();
	if (eventLoopStatsEnabled()) startEventLoopStats();
	// adapter-node emits it on SIGTERM/SIGINT once the requests under way are answered (SHUTDOWN_TIMEOUT);
	// scripts/lib/serve-direct.ts, which `npm start` runs over plain http, does the same.
	process.once('sveltekit:shutdown' as 'exit', () => {
		stopServerJobs();
		closeDb();
	});
};

/** Every request gets an id (sent back as X-Request-Id) and, once answered, one JSON line on stdout. */
export const handle: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	event.locals.requestId = requestId(event.request.headers);
	const line = (status: number) =>
		accessLog &&
		console.log(
			accessLine({
				requestId: event.locals.requestId,
				method: event.request.method,
				route: event.route?.id ?? null,
				status,
				durationMs: performance.now() - started,
				userId: event.locals.user?.id ?? null
			})
		);
	let response: Response;
	try {
		response = await answer(event, resolve);
	} catch (e) {
		line(500);
		throw e;
	}
	try {
		response.headers.set('x-request-id', event.locals.requestId);
	} catch {
		// A response with immutable headers (a fetch passed through) keeps its own.
	}
	line(response.status);
	return response;
};

async function answer(event: RequestEvent, resolve: Parameters<Handle>[0]['resolve']): Promise<Response> {
	// CORS preflight for every /api/v1 endpoint at once (they only export GET): GET and HEAD only.
	if (event.request.method === 'OPTIONS' && event.url.pathname.startsWith('/api/v1/')) return withSecurityHeaders(apiOptions());
	const refused = apiWriteRefusal(event.request, event.url);
	if (refused) {
		logDenial(event, refused.status, 'api-write-guard');
		return withSecurityHeaders(refused);
	}
	// SvelteKit's own form check is off (svelte.config.js): this one refuses in French.
	const crossSite = crossSiteFormRefusal(event.request, event.url);
	if (crossSite) {
		logDenial(event, 403, 'cross-site-form');
		return withSecurityHeaders(crossSite);
	}
	const plainText = plainTextWriteRefusal(event.request, event.url);
	if (plainText) return withSecurityHeaders(plainText);
	// Only requests that carry the cookie touch the database: anonymous visitors cost nothing here.
	const token = event.cookies.get(sessionCookieName(event.url));
	event.locals.user = token ? (validateSession(getDb(), token)?.user ?? null) : null;
	const response = await localise(event, resolve);
	if (response.status === 403) logDenial(event, 403, 'forbidden');
	const csp = response.headers.get('content-security-policy');
	if (csp) response.headers.set('content-security-policy', widenCsp(csp, basemapHosts));
	if (isEmbedPath(event.url.pathname)) {
		// A page answer has its CSP already; anything else (a 404 under /embed/) gets the strict one first.
		withSecurityHeaders(response);
		allowFraming(response, frameAncestors);
		return response;
	}
	return withSecurityHeaders(response);
}

/**
 * The page's language, after every check in `handle` (a refusal is answered before any of this runs). The API,
 * embeds and files are not localised: they answer in French, at one address, as before.
 */
async function localise(event: RequestEvent, resolve: Parameters<Handle>[0]['resolve']): Promise<Response> {
	const lang = (locale: string) => ({ transformPageChunk: ({ html }: { html: string }) => html.replace('%paraglide.lang%', locale) });
	if (!isLocalisedPath(routePath(event.url.pathname))) return resolve(event, lang(baseLocale));
	const entry = entryRedirect(event.request, event.url);
	if (entry) return entry;
	// Paraglide reads only the address and the headers: it gets a body-less copy, so a form post or an
	// upload is never cloned, and SvelteKit keeps the original request (reroute already routed /en/…).
	const probe = new Request(event.request.url, { headers: event.request.headers });
	const render = () => paraglideMiddleware(probe, ({ locale }) => resolve(event, lang(locale)));
	// A page to render waits for its turn (heavy-turns.ts); a kept one is sent at once.
	const light = lightRoute(event.route.id);
	if (event.request.method !== 'GET' || event.locals.user) {
		if (!light) await heavyTurn();
		return render();
	}
	// The URL decides the language inside the site (paraglide's first strategy): the address is the key.
	const key = pageKey(event.url, event.request.headers.get('referer'));
	const kept = pages.get(key, dataRevision(getDb()));
	if (kept) return kept;
	if (!light) {
		await heavyTurn();
		// Asked again after the turn: a write meanwhile is seen, and a visitor ahead may have rendered it.
		const keptSince = pages.get(key, dataRevision(getDb()));
		if (keptSince) return keptSince;
	}
	const revision = dataRevision(getDb());
	return pages.put(key, revision, await render());
}

/**
 * Every refusal in one place, whichever route refused. The route id, not the path: a path can carry a
 * secret (an invitation token), the route id only names its parameters.
 */
function logDenial(event: RequestEvent, status: number, reason: string) {
	securityLog('access.denied', {
		status,
		reason,
		method: event.request.method,
		route: event.route?.id ?? null,
		userId: event.locals.user?.id ?? null,
		ip: clientAddress(event)
	});
}

/** The address the limits count with (behind a proxy, a request reaching the app's port directly is « direct »). */
const clientAddress = (event: RequestEvent): string => clientKey(event);

function withSecurityHeaders(response: Response): Response {
	for (const [name, value] of Object.entries(securityHeaders)) {
		if (!response.headers.has(name)) response.headers.set(name, value);
	}
	return response;
}

/** Unexpected errors are logged with an id and never shown in detail to the visitor. */
export const handleError: HandleServerError = ({ error, event, status }) => {
	// The request's own id: the visitor's « erreur … » and the access log's line name the same request.
	const id = event.locals.requestId?.slice(0, 8) ?? Math.random().toString(36).slice(2, 10);
	if (status === 404) return { message: m.error_not_found_message() };
	// A client's mistake SvelteKit refused (415, malformed address…): one line, no stack, its own French message.
	if (status < 500) {
		console.error(clientErrorLine(id, event, status, error));
		return { message: clientErrorMessage(status, error) };
	}
	console.error(`[${id}] ${event.request.method} ${event.url.pathname}`, error);
	return { message: m.error_unexpected_message({ id }) };
};
