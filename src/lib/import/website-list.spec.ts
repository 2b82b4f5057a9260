import { describe, expect, it } from 'vitest';
import { firstWebsite, websiteCandidates } from './website-list';

describe('a list of links in one cell', () => {
	it('reads a JSON list as fablabs.io exports it', () => {
		expect(firstWebsite('["http://www.lafabriqueriom.fr", "https://www.facebook.com/lafabrique"]')).toEqual({
			url: 'http://www.lafabriqueriom.fr',
			repaired: false,
			count: 2
		});
		expect(firstWebsite('[{"url": "https://a.example.org"}]')?.url).toBe('https://a.example.org');
	});
	it('splits on semicolons, pipes, line breaks and commas before a new link', () => {
		expect(websiteCandidates('https://a.fr ; https://b.fr|www.c.fr\nhttps://d.fr, https://e.fr')).toEqual([
			'https://a.fr',
			'https://b.fr',
			'www.c.fr',
			'https://d.fr',
			'https://e.fr'
		]);
		expect(websiteCandidates('https://a.fr/?q=1,2')).toEqual(['https://a.fr/?q=1,2']);
	});
	it('skips what is not a website and repairs a missing scheme', () => {
		expect(firstWebsite('mailto:contact@lieu.fr; www.lieu.fr')).toEqual({ url: 'https://www.lieu.fr', repaired: true, count: 2 });
		expect(firstWebsite('["", "pas un site"]')).toBeNull();
		expect(firstWebsite('https://un-seul.fr')).toEqual({ url: 'https://un-seul.fr', repaired: false, count: 1 });
	});
});
