import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

const marked = new Marked({ gfm: true, breaks: false, async: false });

/**
 * Markdown written by partners -> HTML safe to insert: sanitize-html keeps a small allow-list
 * (no script, no style, no event handlers, links only http(s) or relative to the site, opened safely).
 * No mailto:, data:, javascript: or protocol-relative links: a portrait links to web pages, nothing else.
 */
export function renderMarkdown(markdown: string): string {
	const html = marked.parse(markdown) as string;
	return sanitizeHtml(html.trim(), {
		allowedTags: ['p', 'br', 'strong', 'em', 'b', 'i', 'ul', 'ol', 'li', 'a', 'blockquote', 'code', 'pre', 'h3', 'h4', 'h5', 'hr', 'del'],
		allowedAttributes: { a: ['href', 'title', 'rel'] },
		allowedSchemes: ['http', 'https'],
		allowedSchemesByTag: {},
		allowProtocolRelative: false,
		transformTags: {
			// Headings inside a portrait sit under the page's own h1/h2.
			h1: 'h3',
			h2: 'h3',
			a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow noopener noreferrer' })
		}
	});
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'", '&nbsp;': ' ' };

/** Markdown -> plain text (for the full-text index and its snippets): no markup, no tags, one space between blocks. */
export function markdownToPlainText(markdown: string): string {
	const html = (marked.parse(markdown) as string).replace(/<\/(p|li|h\d|blockquote|pre)>|<br\s*\/?>/g, ' ');
	const text = sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} });
	return text
		.replace(/&(amp|lt|gt|quot|#39|#x27|nbsp);/g, (m) => ENTITIES[m] ?? m)
		.replace(/\s+/g, ' ')
		.trim();
}
