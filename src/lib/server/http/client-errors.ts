import type { RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';

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
