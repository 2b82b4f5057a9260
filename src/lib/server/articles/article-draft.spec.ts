import { describe, expect, it } from 'vitest';
import { NBSP } from '$lib/domain/french/typography';
import { articleDraft, capText, htmlToText, httpAddress, languageOf, normaliseDate } from './article-draft';

describe('normaliseDate', () => {
	it.each([
		['2026-12-07', '2026-12-07'],
		['2026-12-08T00:30:00+01:00', '2026-12-08'],
		['2026-12-08 00:30:00', '2026-12-08'],
		['Mon, 07 Dec 2026 23:30:00 +0000', '2026-12-07'],
		['Fri, 5 Mar 27 09:00:00 GMT', '2027-03-05'],
		['7 December 2026', '2026-12-07'],
		['December 7, 2026 10:00 UTC', '2026-12-07'],
		['2026-02-30', null],
		['demain', null],
		['', null],
		[undefined, null]
	])('%j -> %j', (input, expected) => {
		expect(normaliseDate(input)).toBe(expected);
	});
});

describe('languageOf', () => {
	it.each([
		['fr-FR', 'fr'],
		['fr_CA', 'fr'],
		['FR', 'fr'],
		['en-us', 'en'],
		['English', 'en'],
		['de', null],
		['french-fries?', null],
		[null, null]
	])('%j -> %j', (input, expected) => {
		expect(languageOf(input)).toBe(expected);
	});
});

describe('htmlToText and capText', () => {
	it('decodes entities, drops tags and scripts, keeps words apart across blocks', () => {
		expect(htmlToText('<p>L&#8217;équipe&nbsp;!</p><p>Deux<br>lignes</p><script>x()</script><style>p{}</style>  &amp; fin')).toBe(
			`L’équipe${NBSP}! Deux lignes & fin`
		);
		expect(htmlToText('Texte   sans\nbalise')).toBe('Texte sans balise');
	});

	it('cuts at a word with an ellipsis', () => {
		expect(capText('un deux trois quatre', 12)).toBe('un deux…');
		expect(capText('court', 12)).toBe('court');
		expect(capText('anticonstitutionnellement', 10)).toBe('anticonst…');
	});
});

describe('httpAddress and articleDraft', () => {
	it('keeps only http(s) addresses, resolved', () => {
		expect(httpAddress('/img.jpg', 'https://a.example/x/')).toBe('https://a.example/img.jpg');
		expect(httpAddress('javascript:alert(1)')).toBeNull();
		expect(httpAddress('mailto:a@b.c')).toBeNull();
		expect(httpAddress('relative/only')).toBeNull();
	});

	it('says what is missing, and fills the excerpt from the text', () => {
		expect(articleDraft({ url: 'ftp://x', title: 'T' })).toEqual({ missing: 'url' });
		expect(articleDraft({ url: 'https://x.example', title: ' <b> </b> ' })).toEqual({ missing: 'title' });
		expect(articleDraft({ url: 'https://x.example', title: 'T', textHtml: '<p>Le corps</p>', imageUrl: 'data:image/png;base64,AA' })).toEqual({
			url: 'https://x.example/',
			title: 'T',
			publishedAt: null,
			outlet: null,
			author: null,
			excerpt: 'Le corps',
			imageUrl: null,
			language: null,
			text: 'Le corps'
		});
	});
});
