import { describe, expect, it } from 'vitest';
import { decodeExplore, exploreHref } from './explore-params';
import { parseStoryView, viewActorRefs } from './story-view';

describe('parseStoryView', () => {
	it('reads a page address as a browser shows it, with or without the site and the English prefix', () => {
		for (const input of [
			'http://localhost:3000/carte?sector=agrifood&territory=15&at=45.0300,2.6500,8.4',
			'/en/carte?sector=agrifood&territory=15&at=45.0300,2.6500,8.4',
			'  /carte/?sector=agrifood&territory=15&at=45.0300,2.6500,8.4 '
		]) {
			expect(parseStoryView(input)).toEqual({
				kind: 'map',
				path: '/carte',
				search: '?sector=agrifood&territory=15&at=45.0300,2.6500,8.4',
				href: '/carte?sector=agrifood&territory=15&at=45.0300,2.6500,8.4',
				slug: null
			});
		}
	});

	it('knows the five kinds of view', () => {
		expect(parseStoryView('/reseau?from=12&to=40')?.kind).toBe('network');
		expect(parseStoryView('/explorer?pane=carte')?.kind).toBe('explorer');
		expect(parseStoryView('/parcours/flux?sector=health')?.kind).toBe('flows');
		expect(parseStoryView('/acteurs/la-couveuse-des-puys?x=1')).toMatchObject({
			kind: 'pathway',
			href: '/acteurs/la-couveuse-des-puys',
			slug: 'la-couveuse-des-puys'
		});
	});

	it('refuses what is not a view: other pages, other schemes, nonsense', () => {
		for (const input of [
			'',
			'/admin/utilisateurs',
			'/acteurs',
			'/acteurs/Bad_Slug',
			'javascript:alert(1)',
			'mailto:a@b.fr',
			'x'.repeat(2001),
			'/carte'.padEnd(2100, '&')
		]) {
			expect(parseStoryView(input), input).toBeNull();
		}
	});

	it('round-trips: a view captured from a page gives back the same page state', () => {
		const query = decodeExplore(
			new URLSearchParams('sector=agrifood&territory=15&focus=12&depth=2&year=2021&type=funded_by&type=incubated_by&size=betweenness')
		).value;
		const href = exploreHref('reseau', query);
		const view = parseStoryView(`https://carto.le-connecteur.fr${href}`)!;
		expect(view.href).toBe(href);
		expect(parseStoryView(view.href)?.href).toBe(view.href);
		expect(decodeExplore(new URLSearchParams(view.search)).value).toEqual(query);
	});

	it('names the actors a view shows', () => {
		expect(viewActorRefs(parseStoryView('/reseau?from=12&to=40&actor=12')!)).toEqual(['12', '40']);
		expect(viewActorRefs(parseStoryView('/acteurs/volcabio')!)).toEqual(['volcabio']);
	});
});
