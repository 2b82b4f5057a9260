import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NBSP } from '$lib/domain/french/typography';
import { readPageMetadata } from './page-metadata';

const newsPage = readFileSync(new URL('../../../../tests/fixtures/articles/news-page.html', import.meta.url), 'utf8');
const URL_ = 'https://journal.example/eco/volcabio-leve.html?utm_source=x';

describe('readPageMetadata: a news page with Open Graph and JSON-LD', () => {
	const draft = readPageMetadata(newsPage, URL_);

	it('prefers Open Graph, resolves the image against the page and skips an author given as an address', () => {
		expect(draft).toMatchObject({
			url: URL_,
			title: `Volcabio lève 1,2${NBSP}M€ pour ses biointrants`,
			publishedAt: '2026-12-02',
			outlet: 'Le Journal du Puy',
			author: 'Léa Roux, Paul Blanc',
			excerpt: 'La start-up clermontoise finalise son premier tour de table, mené par Puys Capital Innovation.',
			imageUrl: 'https://journal.example/uploads/2026/12/volcabio-1200.jpg',
			language: 'fr'
		});
	});

	it('keeps the first article’s text, without menus, scripts, asides or footer', () => {
		expect(draft.text).toBe(
			`Volcabio lève 1,2 M€ La start-up clermontoise Volcabio finalise son premier tour de table. Mené par Puys Capital Innovation, il «${NBSP}change tout${NBSP}».`
		);
	});
});

describe('readPageMetadata: fallbacks', () => {
	it('uses JSON-LD when there is no Open Graph, an image list and a single author', () => {
		const html = `<html><head><title>Titre de l'onglet</title>
<script type="application/ld+json">[{"@type":"Organization","name":"X"},{"@type":["BlogPosting"],"headline":"Le Fablab d&#39;Issoire","datePublished":"2027-01-15","author":{"name":"Jeanne"},"image":["/a.jpg","/b.jpg"],"publisher":{"name":"Blog d'Issoire"},"inLanguage":"en-US","description":"Résumé LD"}]</script>
</head><body><p>Corps</p></body></html>`;
		expect(readPageMetadata(html, 'https://blog.example/fablab')).toEqual({
			url: 'https://blog.example/fablab',
			title: "Le Fablab d'Issoire",
			publishedAt: '2027-01-15',
			outlet: "Blog d'Issoire",
			author: 'Jeanne',
			excerpt: 'Résumé LD',
			imageUrl: 'https://blog.example/a.jpg',
			language: 'en',
			text: 'Corps'
		});
	});

	it('falls back to twitter cards, then to the plain HTML', () => {
		const twitter = `<html lang="en"><head><meta name="twitter:title" content="Tweet title"><meta name="twitter:description" content="Tweet text"><meta name="twitter:image" content="https://cdn.example/t.png"><meta name="author" content="Ann Smith"><title>Tab</title></head><body><main><p>Main text</p></main><p>outside</p></body></html>`;
		expect(readPageMetadata(twitter, 'https://e.example/a')).toMatchObject({
			title: 'Tweet title',
			excerpt: 'Tweet text',
			imageUrl: 'https://cdn.example/t.png',
			author: 'Ann Smith',
			language: 'en',
			text: 'Main text'
		});
		const plain = `<html><head><TITLE>Mairie &amp; vous</TITLE><META NAME="Description" CONTENT="Les actus."></head><body><svg><title>icône</title></svg><p>Bonjour</p><footer>pied</footer></body></html>`;
		expect(readPageMetadata(plain, 'https://mairie.example/')).toMatchObject({
			title: 'Mairie & vous',
			excerpt: 'Les actus.',
			publishedAt: null,
			outlet: null,
			author: null,
			imageUrl: null,
			language: null,
			text: 'Bonjour'
		});
	});

	it('refuses images that are not http(s) and ignores malformed JSON-LD', () => {
		const html = `<head><meta property="og:title" content="T"><meta property="og:image" content="javascript:alert(1)"><meta property="og:image:secure_url" content="data:image/png;base64,AAA"><script type="application/ld+json">{nope</script></head>`;
		expect(readPageMetadata(html, 'https://x.example/')).toMatchObject({ title: 'T', imageUrl: null });
	});

	it('returns an empty title for a page without one, its text kept', () => {
		expect(readPageMetadata('<body><p>Seulement du texte</p></body>', 'https://x.example/p')).toEqual({
			url: 'https://x.example/p',
			title: '',
			publishedAt: null,
			outlet: null,
			author: null,
			excerpt: 'Seulement du texte',
			imageUrl: null,
			language: null,
			text: 'Seulement du texte'
		});
	});

	it('caps a long title, excerpt and text', () => {
		const long = 'mot '.repeat(10_000);
		const draft = readPageMetadata(
			`<head><meta property="og:title" content="${long}"><meta property="og:description" content="${long}"></head><body>${long}</body>`,
			'https://x.example/'
		);
		expect(draft.title.length).toBeLessThanOrEqual(300);
		expect(draft.title.endsWith('mot…')).toBe(true);
		expect(draft.excerpt.length).toBeLessThanOrEqual(600);
		expect(draft.text.length).toBeLessThanOrEqual(20_000);
	});
});
