import { describe, expect, it } from 'vitest';
import { markdownToPlainText, renderMarkdown } from './markdown';

describe('renderMarkdown', () => {
	it('renders lists and emphasis', () => {
		const html = renderMarkdown('**Incubateur** de la Vallée\n\n- hébergement\n- mentorat');
		expect(html).toContain('<strong>Incubateur</strong>');
		expect(html).toContain('<li>hébergement</li>');
	});
	it('removes scripts, event handlers and javascript: links', () => {
		const html = renderMarkdown('<script>alert(1)</script><img src=x onerror=alert(1)> [x](javascript:alert(1)) <a href="https://example.org" onclick="x()">ok</a>');
		expect(html).not.toMatch(/<script|onerror|onclick|href="javascript|<img/i);
		expect(html).toContain('href="https://example.org"');
		expect(html).toContain('rel="nofollow noopener noreferrer"');
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
