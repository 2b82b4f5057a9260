import { describe, expect, it } from 'vitest';
import { markdownToPlainText, renderMarkdown } from './markdown';

describe('renderMarkdown', () => {
	it('renders lists and emphasis', () => {
		const html = renderMarkdown('**Incubateur** de la Vallée\n\n- hébergement\n- mentorat');
		expect(html).toContain('<strong>Incubateur</strong>');
		expect(html).toContain('<li>hébergement</li>');
	});
	it('removes scripts, event handlers and javascript: links', () => {
		const html = renderMarkdown(
			'<script>alert(1)</script><img src=x onerror=alert(1)> [x](javascript:alert(1)) <a href="https://example.org" onclick="x()">ok</a>'
		);
		expect(html).not.toMatch(/<script|onerror|onclick|href="javascript|<img/i);
		expect(html).toContain('href="https://example.org"');
		expect(html).toContain('rel="nofollow noopener noreferrer"');
	});
	it('keeps only http(s) and relative link targets, however the scheme is disguised', () => {
		const hostile = [
			'javascript:alert(1)',
			'JaVaScRiPt:alert(1)',
			'javascript&#58;alert(1)',
			'&#106;avascript:alert(1)',
			'java%0Ascript:alert(1)',
			'vbscript:msgbox(1)',
			'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
			'mailto:someone@example.org',
			'//evil.example/x'
		];
		for (const target of hostile) {
			const fromMarkdown = renderMarkdown(`[lien](${target})`);
			const fromHtml = renderMarkdown(`<a href="${target}">lien</a>`);
			for (const html of [fromMarkdown, fromHtml]) {
				// What a browser would follow: every href, resolved against the page, must stay http(s) and on a known host.
				for (const [, href] of html.matchAll(/href="([^"]*)"/g)) {
					const url = new URL(href!.replace(/&amp;/g, '&'), 'https://carto.example.fr/acteurs/x');
					expect(['http:', 'https:'], `${target} -> ${href}`).toContain(url.protocol);
					expect(url.host, `${target} -> ${href}`).not.toBe('evil.example');
				}
				expect(html, target).not.toMatch(/href="\s*(javascript|vbscript|data|mailto):/i);
			}
		}
		expect(renderMarkdown('[site](https://example.org/a?b=1)')).toContain('href="https://example.org/a?b=1"');
		expect(renderMarkdown('[site](http://example.org)')).toContain('href="http://example.org"');
		expect(renderMarkdown('[fiche](/acteurs/volcabio)')).toContain('href="/acteurs/volcabio"');
		// Attribute break-outs stay text inside the attribute or vanish.
		expect(renderMarkdown('[x](https://example.org/"onmouseover="alert(1))')).not.toMatch(/\sonmouseover=/i);
		expect(renderMarkdown('<svg onload=alert(1)><iframe src="https://example.org"></iframe>')).not.toMatch(/<svg|<iframe|onload/i);
	});
	it('demotes headings below the page title', () => {
		expect(renderMarkdown('# Titre')).toBe('<h3>Titre</h3>');
	});
});

describe('markdownToPlainText', () => {
	it('drops markup and keeps words apart', () => {
		expect(markdownToPlainText('**Nom** — un *tiers-lieu*\n\n- hébergement\n- R&D <b>x</b>')).toBe('Nom — un tiers-lieu hébergement R&D x');
	});
});
