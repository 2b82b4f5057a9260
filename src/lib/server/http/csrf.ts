/**
 * Cross-site form posts (CSRF), checked in hooks.server.ts. SvelteKit's own check is off
 * (svelte.config.js: its refusal is a raw English line); this one refuses the same requests in French: a
 * page for browsers, JSON for clients asking for JSON, an ActionResult for `use:enhance` forms (so the
 * site's error page shows).
 *
 * The site's origin is the request's own (url.origin): ORIGIN when the operator set it (strict, behind a
 * proxy); on a direct `npm start` without ORIGIN, the address the browser used when it is localhost or an
 * IP literal, the derived origin otherwise (scripts/lib/serve-direct.ts decides, before SvelteKit).
 */
import { refusalPageHtml } from './refusal-page';

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
function whence(origin: string | null, site: string): string {
	if (origin === null) return 'Ce formulaire a été envoyé sans indiquer de quelle page il venait.';
	if (origin === 'null')
		return 'Ce formulaire a été envoyé depuis une page sans adresse (un fichier ouvert sur l’ordinateur ou un cadre isolé), pas depuis ce site.';
	return `Ce formulaire a été envoyé depuis ${origin}, une autre adresse que celle de ce site (${site}).`;
}

/** The refusal to send, or null when the request may go on. */
export function crossSiteFormRefusal(request: Request, url: URL): Response | null {
	if (!isCrossSiteForm(request, url)) return null;
	const message = `Envoi refusé\u00a0: ce formulaire ne vient pas d'une page de ce site (${url.origin}). Rouvrez la page sur le site et envoyez-le de nouveau\u202f; rien n'a été enregistré.`;
	const headers = { 'cache-control': 'no-store' };
	if (request.headers.get('x-sveltekit-action') === 'true') {
		return json({ type: 'error', status: 403, error: { message } }, headers);
	}
	const accept = request.headers.get('accept') ?? '';
	if (accept.includes('application/json') && !accept.includes('text/html')) return json({ status: 403, message }, headers);

	const html = refusalPageHtml({
		status: 403,
		title: 'Envoi refusé',
		paragraphs: [
			whence(request.headers.get('origin'), url.origin),
			'Pour protéger les comptes et les fiches, Connecteur Carto n’accepte que les formulaires remplis sur ses propres pages\u00a0: rien n’a été enregistré.',
			`Rouvrez la page sur ${url.origin}, remplissez le formulaire et envoyez-le de nouveau.`,
			// No-break spaces before « : » and « ? », as French typography wants (no line starting with « ? »).
			'Vous administrez ce site et il est publié sous une autre adresse (derrière un proxy HTTPS, sous un nom de domaine)\u202f? Indiquez cette adresse dans la variable ORIGIN, puis redémarrez le serveur (voir la configuration dans le README).'
		],
		links: [
			{ href: `${url.origin}${url.pathname}`, label: 'Rouvrir la page du formulaire' },
			{ href: `${url.origin}/`, label: 'Retour à l’accueil' }
		]
	});
	return new Response(html, { status: 403, headers: { ...headers, 'content-type': 'text/html; charset=utf-8' } });
}

function json(body: unknown, headers: Record<string, string>): Response {
	return new Response(JSON.stringify(body), { status: 403, headers: { ...headers, 'content-type': 'application/json; charset=utf-8' } });
}
