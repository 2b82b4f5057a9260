import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NBSP } from '$lib/domain/french/typography';
import { ArticleFeedError, readArticleFeed } from './feed-read';

const fixture = (name: string) => readFileSync(new URL(`../../../../tests/fixtures/articles/${name}`, import.meta.url), 'utf8');

function failure(text: string): string {
	try {
		readArticleFeed(text);
	} catch (error) {
		expect(error).toBeInstanceOf(ArticleFeedError);
		return (error as Error).message;
	}
	throw new Error('expected an ArticleFeedError');
}

describe('readArticleFeed: a WordPress RSS 2.0 feed', () => {
	const feed = readArticleFeed(fixture('wordpress-feed.xml'));

	it('reads the outlet and every item, entities and CDATA decoded', () => {
		expect(feed.outlet).toBe('Le Connecteur – Le média des innovateurs d’Auvergne');
		expect(feed.problems).toEqual([]);
		expect(feed.items).toHaveLength(2);
		expect(feed.items[0]).toMatchObject({
			url: 'https://leconnecteur.example/2026/12/07/couveuse-aurillac-dix-ans/',
			title: 'À Aurillac, la Couveuse d’entreprises fête ses dix ans',
			publishedAt: '2026-12-07',
			author: 'Camille Martin',
			imageUrl: 'https://leconnecteur.example/wp-content/uploads/2026/12/couveuse.jpg',
			language: 'fr'
		});
		expect(feed.items[1]?.title).toBe(`Volcabio lève 1,2${NBSP}M€ pour ses biointrants`);
	});

	it('takes the text from content:encoded, without tags or scripts', () => {
		const text = feed.items[0]?.text ?? '';
		expect(text).toContain(`«${NBSP}On a commencé à trois${NBSP}», se souvient`);
		expect(text).toContain('Avec Ambert Innovation et le Cowork des Dômes');
		expect(text).not.toMatch(/<|console\.log/);
		expect(feed.items[0]?.excerpt).toMatch(/^Dix ans après son ouverture, la Couveuse a accompagné 140 porteurs de projet dans le Cantal…/);
	});
});

describe('readArticleFeed: Atom', () => {
	const feed = readArticleFeed(fixture('blog-atom.xml'));

	it('reads entries, the alternate link resolved, the feed language and author as defaults', () => {
		expect(feed.outlet).toBe('Le carnet du Cowork des Dômes');
		expect(feed.items[0]).toMatchObject({
			url: 'https://cowork-domes.example/2026/11/cafe-createurs/',
			title: 'Café créateurs & soupe au chou',
			publishedAt: '2026-11-20',
			author: 'L’équipe du Cowork',
			excerpt: 'Chaque jeudi, les créateurs de Saint-Flour se retrouvent.',
			text: 'Chaque jeudi, les créateurs de Saint-Flour se retrouvent au Cowork des Dômes.',
			language: 'fr'
		});
	});

	it('skips an entry whose link is relative with no base to resolve it', () => {
		expect(feed.items).toHaveLength(1);
		expect(feed.problems).toEqual([`Article n°${NBSP}2 ignoré${NBSP}: pas d’adresse http(s).`]);
	});
});

describe('readArticleFeed: WordPress REST export', () => {
	const feed = readArticleFeed(fixture('wordpress-posts.json'));

	it('reads the posts with their embedded author and image, and the site name', () => {
		expect(feed.outlet).toBe('Le Connecteur');
		expect(feed.items[0]).toMatchObject({
			title: 'À Aurillac, la Couveuse d’entreprises fête ses dix ans',
			publishedAt: '2026-12-08',
			author: 'Camille Martin',
			imageUrl: 'https://leconnecteur.example/wp-content/uploads/2026/12/couveuse.jpg',
			excerpt: 'Dix ans après son ouverture, la Couveuse a accompagné 140 porteurs de projet…',
			language: null
		});
		expect(feed.items[1]).toMatchObject({
			title: 'Volcabio raises €1.2m',
			imageUrl: 'https://i0.wp.com/leconnecteur.example/wp-content/uploads/2026/12/volcabio.jpg',
			excerpt: 'The Clermont start-up Volcabio closes its first round.',
			language: 'en',
			author: null
		});
	});

	it('skips a post without a link, naming its number', () => {
		expect(feed.items).toHaveLength(2);
		expect(feed.problems).toEqual([`Article n°${NBSP}3 ignoré${NBSP}: pas d’adresse http(s).`]);
	});

	it('falls back to the Yoast image', () => {
		const posts = [{ link: 'https://a.example/p', title: { rendered: 'T' }, yoast_head_json: { og_image: [{ url: 'https://a.example/og.png' }] } }];
		expect(readArticleFeed(JSON.stringify(posts)).items[0]?.imageUrl).toBe('https://a.example/og.png');
	});
});

describe('readArticleFeed: other formats', () => {
	it('reads RSS 1.0 (RDF) with Dublin Core', () => {
		const rdf = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://mairie.example/rss"><title>Mairie d’Ambert</title><link>https://mairie.example</link><description>Actualités</description><dc:language>fr</dc:language></channel>
  <item rdf:about="https://mairie.example/actu/1"><title>Ambert Innovation inaugure ses locaux</title><link>https://mairie.example/actu/1</link><description>Le 3 mars.</description><dc:date>2027-03-03T10:00:00+01:00</dc:date><dc:creator>Service communication</dc:creator></item>
</rdf:RDF>`;
		expect(readArticleFeed(rdf)).toEqual({
			outlet: 'Mairie d’Ambert',
			problems: [],
			items: [
				{
					url: 'https://mairie.example/actu/1',
					title: 'Ambert Innovation inaugure ses locaux',
					publishedAt: '2027-03-03',
					outlet: null,
					author: 'Service communication',
					excerpt: 'Le 3 mars.',
					imageUrl: null,
					language: 'fr',
					text: 'Le 3 mars.'
				}
			]
		});
	});

	it('reads a JSON Feed', () => {
		const json = JSON.stringify({
			version: 'https://jsonfeed.org/version/1.1',
			title: 'Blog JSON',
			language: 'en-GB',
			items: [{ id: '1', url: 'https://j.example/1', title: 'Hello', content_html: '<p>Body</p>', date_published: '2026-05-06T07:08:09Z', image: '/i.png' }]
		});
		expect(readArticleFeed(json).items[0]).toMatchObject({
			url: 'https://j.example/1',
			title: 'Hello',
			text: 'Body',
			publishedAt: '2026-05-06',
			imageUrl: 'https://j.example/i.png',
			language: 'en'
		});
	});

	it('skips an RSS item without a link or a title, refuses javascript: links, keeps the others', () => {
		const rss = `<rss version="2.0"><channel><title>Veille</title>
<item><title>Sans lien</title><description>x</description></item>
<item><title>Bon</title><link>https://v.example/bon</link><pubDate>Fri, 5 Mar 27 09:00:00 GMT</pubDate><author>redac@v.example (Paul Blanc)</author></item>
<item><link>https://v.example/sans-titre</link></item>
<item><title>Piège</title><link>javascript:alert(1)</link></item>
<item><title>Doublon</title><link>https://v.example/bon</link></item>
</channel></rss>`;
		const feed = readArticleFeed(rss);
		expect(feed.items.map((i) => [i.title, i.publishedAt, i.author])).toEqual([['Bon', '2027-03-05', 'Paul Blanc']]);
		expect(feed.problems).toEqual([
			`Article n°${NBSP}1 ignoré${NBSP}: pas d’adresse http(s).`,
			`Article n°${NBSP}3 ignoré${NBSP}: pas de titre.`,
			`Article n°${NBSP}4 ignoré${NBSP}: pas d’adresse http(s).`,
			`Article n°${NBSP}5 ignoré${NBSP}: même adresse qu’un article précédent.`
		]);
	});
});

describe('readArticleFeed: what is not a feed', () => {
	it('says an HTML page is a page, not a feed', () => {
		const message = failure(
			'<!DOCTYPE html>\n<html lang="fr"><head><title>Le Connecteur</title><link rel="alternate" type="application/rss+xml" href="/feed/"></head><body></body></html>'
		);
		expect(message).toMatch(/^Cette adresse renvoie une page web, pas un flux\u00a0: /);
		expect(failure('<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>')).toMatch(/page web/);
	});

	it('says an empty feed has no article', () => {
		expect(failure('<rss version="2.0"><channel><title>Vide</title></channel></rss>')).toBe('Le flux ne contient aucun article.');
		expect(failure('<feed xmlns="http://www.w3.org/2005/Atom"><title>Vide</title></feed>')).toBe('Le flux ne contient aucun article.');
		expect(failure('[]')).toBe('Le flux ne contient aucun article.');
	});

	it('says a truncated feed is broken', () => {
		const text = fixture('wordpress-feed.xml');
		expect(failure(text.slice(0, Math.round(text.length * 0.6)))).toBe(
			`Le flux est illisible (XML incomplet ou mal formé)${NBSP}: il a peut-être été coupé pendant le téléchargement.`
		);
	});

	it.each([
		['garbage'],
		[''],
		['{"code":"rest_no_route","message":"Aucune route"}'],
		['[1, 2]'],
		['{not json'],
		['<note><to>x</to></note>'],
		['BEGIN:VCALENDAR']
	])('refuses %j as neither a feed nor a WordPress export', (text) => {
		expect(failure(text)).toBe('Ce fichier n’est ni un flux RSS ou Atom ni un export WordPress.');
	});
});
