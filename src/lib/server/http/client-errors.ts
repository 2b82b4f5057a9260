import type { RequestEvent } from '@sveltejs/kit';
import { refusalPageHtml } from './refusal-page';
import { localHref } from '$lib/i18n/locale-href';
import { m } from '$lib/paraglide/messages';
import { baseLocale, extractLocaleFromUrl } from '$lib/paraglide/runtime';

/**
 * What SvelteKit itself refuses before any of our code runs (a form action posted as JSON: 415; an address
 * that does not decode: 400; a POST where no action exists: 405…) reaches handleError as an « unexpected »
 * error with a status below 500. Anyone can send those: they get one log line, never a stack (issue 17,
 * log amplification), and a French message that says what was wrong, not « erreur inattendue ».
 */
export function clientErrorMessage(status: number, error: unknown): string {
	if (status === 415) return m.errors_unsupported_media_type();
	if (status === 400 && (error as { text?: unknown } | null)?.text === 'Malformed URI') return m.errors_malformed_address();
	return m.errors_request_refused({ status });
}

/** One line, bounded: the request, the status and SvelteKit's own sentence (its path cut, like everything else). */
export function clientErrorLine(id: string, event: RequestEvent, status: number, error: unknown): string {
	const reason = error instanceof Error ? error.message : String(error);
	const oneLine = (text: string, max: number) => text.replace(/\s+/g, ' ').slice(0, max);
	return `[${id}] ${event.request.method} ${oneLine(event.url.pathname, 200)} ${status} ${oneLine(reason, 200)}`;
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * SvelteKit lets a text/plain post reach a form action (it is a form encoding), and the action's
 * `request.formData()` then throws: a 500 with a stack trace for anybody's `curl --data`. No form or endpoint
 * here reads plain text (the API takes JSON only, api-write-guard.ts), so such a write is refused before
 * SvelteKit, as the 415 it gives other types: in the address's language, as a page, JSON or an ActionResult.
 * The access log's line is its only trace.
 */
export function plainTextWriteRefusal(request: Request, url: URL): Response | null {
	if (!WRITE_METHODS.has(request.method)) return null;
	const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
	if (type !== 'text/plain') return null;
	// Hooks run this before paraglide's middleware: the address says the language.
	const locale = extractLocaleFromUrl(url) ?? baseLocale;
	const message = m.errors_unsupported_media_type({}, { locale });
	const headers = { 'cache-control': 'no-store' };
	const json = (body: unknown) =>
		new Response(JSON.stringify(body), { status: 415, headers: { ...headers, 'content-type': 'application/json; charset=utf-8' } });
	if (request.headers.get('x-sveltekit-action') === 'true') return json({ type: 'error', status: 415, error: { message } });
	const accept = request.headers.get('accept') ?? '';
	if (accept.includes('application/json') && !accept.includes('text/html')) return json({ status: 415, message });
	const html = refusalPageHtml({
		locale,
		status: 415,
		title: m.errors_unsupported_media_type_title({}, { locale }),
		paragraphs: [message],
		links: [
			{ href: `${url.origin}${url.pathname}`, label: m.errors_csrf_reopen_link({}, { locale }) },
			{ href: `${url.origin}${localHref('/', locale)}`, label: m.errors_home_link({}, { locale }) }
		]
	});
	return new Response(html, { status: 415, headers: { ...headers, 'content-type': 'text/html; charset=utf-8' } });
}
