/**
 * Cross-site form posts (CSRF), checked in hooks.server.ts. SvelteKit's own check is off
 * (svelte.config.js: its refusal is a raw English line); this one refuses the same requests in the
 * language of the address posted to (French at the root, English under /en): a page for browsers, JSON for clients asking for JSON, an ActionResult for `use:enhance` forms (so the
 * site's error page shows).
 *
 * The site's origin is the request's own (url.origin): ORIGIN when the operator set it (strict, behind a
 * proxy); on a direct `npm start` without ORIGIN, the address the browser used when it is localhost or an
 * IP literal, the derived origin otherwise (scripts/lib/serve-direct.ts decides, before SvelteKit).
 */
import { refusalPageHtml } from './refusal-page';
import { localHref } from '$lib/i18n/locale-href';
import { m } from '$lib/paraglide/messages';
import { baseLocale, extractLocaleFromUrl, type Locale } from '$lib/paraglide/runtime';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/**
 * What a page on another site can send without a CORS preflight: the three form encodings, and no type
 * at all (a fetch with a bare body), which SvelteKit's check let through.
 */
const FORM_LIKE_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain', '']);

const contentType = (request: Request) => (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();

/** A form-like write whose Origin is not the site's. */
export function isCrossSiteForm(request: Request, url: URL): boolean {
	if (!WRITE_METHODS.has(request.method) || !FORM_LIKE_TYPES.has(contentType(request))) return false;
	return request.headers.get('origin') !== url.origin;
}

/** Where the refused form came from, said to a person. */
function whence(origin: string | null, site: string, locale: Locale): string {
	if (origin === null) return m.errors_csrf_no_origin({}, { locale });
	if (origin === 'null') return m.errors_csrf_null_origin({}, { locale });
	return m.errors_csrf_other_origin({ origin, site }, { locale });
}

/** The refusal to send, or null when the request may go on. */
export function crossSiteFormRefusal(request: Request, url: URL): Response | null {
	if (!isCrossSiteForm(request, url)) return null;
	// This runs before paraglide's middleware (hooks.server.ts): the address says the language.
	const locale = extractLocaleFromUrl(url) ?? baseLocale;
	const message = m.errors_csrf_message({ origin: url.origin }, { locale });
	const headers = { 'cache-control': 'no-store' };
	if (request.headers.get('x-sveltekit-action') === 'true') {
		return json({ type: 'error', status: 403, error: { message } }, headers);
	}
	const accept = request.headers.get('accept') ?? '';
	if (accept.includes('application/json') && !accept.includes('text/html')) return json({ status: 403, message }, headers);

	const html = refusalPageHtml({
		locale,
		status: 403,
		title: m.errors_csrf_title({}, { locale }),
		// The French keeps its no-break spaces before « : » and « ? » (no line starting with « ? »).
		paragraphs: [
			whence(request.headers.get('origin'), url.origin, locale),
			m.errors_csrf_why({}, { locale }),
			m.errors_csrf_reopen({ site: url.origin }, { locale }),
			m.errors_csrf_operator({}, { locale })
		],
		links: [
			{ href: `${url.origin}${url.pathname}`, label: m.errors_csrf_reopen_link({}, { locale }) },
			{ href: `${url.origin}${localHref('/', locale)}`, label: m.errors_home_link({}, { locale }) }
		]
	});
	return new Response(html, { status: 403, headers: { ...headers, 'content-type': 'text/html; charset=utf-8' } });
}

function json(body: unknown, headers: Record<string, string>): Response {
	return new Response(JSON.stringify(body), { status: 403, headers: { ...headers, 'content-type': 'application/json; charset=utf-8' } });
}
