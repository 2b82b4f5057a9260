import { localHref } from '$lib/i18n/locale-href';
import type { Locale } from '$lib/paraglide/runtime';

/**
 * A whole page for refusals answered before any route runs (the site's layout is not there yet), in the
 * language of the address refused: the site's header, colours and fonts, inline, so it reads as the site
 * under its strict CSP.
 */
export interface RefusalPage {
	locale: Locale;
	status: number;
	title: string;
	/** Plain sentences (escaped here). */
	paragraphs: string[];
	links: { href: string; label: string }[];
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** The logo's three dots (SiteHeader's .dot, as in static/favicon.svg). */
const LOGO = `<svg class="logo" viewBox="0 0 25 24" width="25" height="24" aria-hidden="true"><circle cx="20" cy="16" r="5" fill="#8a3312"/><circle cx="5" cy="20" r="4" fill="#e0915f"/><circle cx="9" cy="9" r="9" fill="#b4461b"/></svg>`;

const STYLE = `
:root{color-scheme:light}
*{box-sizing:border-box}
body{margin:0;min-height:100vh;font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans','Helvetica Neue',Arial,sans-serif;line-height:1.55;color:#1f1b16;background:#fbf8f4}
header{background:#fff;border-bottom:1px solid #e4dcd2}
.bar,main{max-width:72rem;margin:0 auto;padding:0.8rem 1.25rem}
.brand{display:inline-flex;align-items:center;gap:0.55rem;font-size:1.2rem;color:#1f1b16;text-decoration:none}
.brand strong{color:#b4461b}
main{padding-block:2rem 3rem}
.card{max-width:44rem;margin:1rem auto;background:#fff;border:1px solid #e4dcd2;border-radius:10px;padding:1.5rem 1.75rem;box-shadow:0 1px 2px rgb(31 27 22/.06),0 4px 16px rgb(31 27 22/.05)}
.code{font-size:3rem;font-weight:800;color:#b4461b;margin:0;line-height:1}
h1{font-size:clamp(1.6rem,1.2rem + 1.6vw,2.3rem);line-height:1.2;margin:0.2em 0 0.6em}
p{margin:0 0 1em}
a{color:#8a3312;text-underline-offset:0.15em}
.links{display:flex;flex-wrap:wrap;gap:0.6rem;margin-top:1.5rem}
.links a{display:inline-block;padding:0.5rem 1rem;border-radius:8px;background:#b4461b;color:#fff;text-decoration:none;font-weight:600}
.links a+a{background:#fbe9df;color:#8a3312}
:focus-visible{outline:3px solid #1a5fb4;outline-offset:2px}
@media (max-width:30rem){main{padding:1rem 0.75rem 2rem}.card{padding:1.1rem 1.2rem}}
`;

export function refusalPageHtml(page: RefusalPage): string {
	const paragraphs = page.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
	const links = page.links.map((l) => `<a href="${escapeHtml(l.href)}">${escapeHtml(l.label)}</a>`).join('\n');
	return `<!doctype html>
<html lang="${page.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<title>${escapeHtml(page.title)} · Connecteur Carto</title>
<style>${STYLE}</style>
</head>
<body>
<header><div class="bar"><a class="brand" href="${localHref('/', page.locale)}">${LOGO}<span>Connecteur <strong>Carto</strong></span></a></div></header>
<main id="contenu">
<section class="card" aria-labelledby="titre" data-testid="refusal">
<p class="code" aria-hidden="true">${page.status}</p>
<h1 id="titre">${escapeHtml(page.title)}</h1>
${paragraphs}
<p class="links">${links}</p>
</section>
</main>
</body>
</html>
`;
}
