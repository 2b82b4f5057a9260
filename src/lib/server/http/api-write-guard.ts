/**
 * Every state-changing request to the JSON API must be JSON and come from the site's own pages. A
 * cross-site form or fetch can send text/plain or form bodies without a CORS preflight, and SvelteKit's
 * own check only covers form content types: this closes the rest, before any endpoint runs.
 */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const refusal = (status: number, message: string) =>
	new Response(JSON.stringify({ error: message }), { status, headers: { 'content-type': 'application/json; charset=utf-8' } });

/** The refusal to send, or null when the request may go on. */
export function apiWriteRefusal(request: Request, url: URL): Response | null {
	if (!url.pathname.startsWith('/api/') || SAFE_METHODS.has(request.method)) return null;
	// Browsers always send Origin on cross-origin writes; a missing one is refused too (not a browser we serve).
	const origin = request.headers.get('origin');
	if (origin !== url.origin) return refusal(403, "Requête refusée : l'origine de la requête n'est pas ce site.");
	const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
	if (type !== 'application/json') return refusal(415, 'Type de contenu non accepté : envoyez du JSON (Content-Type: application/json).');
	return null;
}
