import { describe, expect, it } from 'vitest';
import { alternates, isLocalisedPath, localHref, routePath, switchHref } from './locale-href';

const url = (path: string) => new URL(path, 'https://carto.example');

describe('the language switcher keeps the page, its filters and its anchor', () => {
	it('adds /en to a French page, query string untouched', () => {
		expect(switchHref(url('/carte?categorie=incubateur&territoire=dep-63#liste'), 'en')).toBe('/en/carte?categorie=incubateur&territoire=dep-63#liste');
		expect(switchHref(url('/acteurs/fablab-riom'), 'en')).toBe('/en/acteurs/fablab-riom');
	});
	it('removes /en for French, query string untouched', () => {
		expect(switchHref(url('/en/carte?categorie=incubateur&annee=2024'), 'fr')).toBe('/carte?categorie=incubateur&annee=2024');
		expect(switchHref(url('/en/reseau/vue'), 'fr')).toBe('/reseau/vue');
	});
	it('home is / and /en (no trailing slash, which SvelteKit would redirect once more)', () => {
		expect(switchHref(url('/'), 'en')).toBe('/en');
		expect(switchHref(url('/en'), 'fr')).toBe('/');
		expect(switchHref(url('/?q=fablab'), 'en')).toBe('/en?q=fablab');
	});
	it('the current language gives the current address back', () => {
		expect(switchHref(url('/en/carte?x=1'), 'en')).toBe('/en/carte?x=1');
		expect(switchHref(url('/carte?x=1'), 'fr')).toBe('/carte?x=1');
	});
});

describe('internal links stay in the page language', () => {
	it('prefixes pages in English, leaves them alone in French', () => {
		expect(localHref('/acteurs?secteur=sante', 'en')).toBe('/en/acteurs?secteur=sante');
		expect(localHref('/acteurs?secteur=sante', 'fr')).toBe('/acteurs?secteur=sante');
		expect(localHref('/', 'en')).toBe('/en');
	});
	it('defaults to French outside a request (unit tests, scripts)', () => {
		expect(localHref('/parcours')).toBe('/parcours');
	});
	it('never localises the API, embeds, files, external or relative links', () => {
		for (const href of [
			'/api/v1/export.csv?categorie=x',
			'/api/v1/openapi.json',
			'/embed/carte?x=1',
			'/images/abc/320',
			'/agenda.ics',
			'/reseau/apercu.svg',
			'/favicon.svg',
			'https://www.le-connecteur.fr/',
			'//cdn.example/x',
			'#contenu',
			'?page=2'
		]) {
			expect(localHref(href, 'en')).toBe(href);
		}
		expect(localHref('/api', 'en')).toBe('/en/api'); // the API's documentation page is a page
	});
});

describe('routing /en/… to the French routes', () => {
	it('strips the prefix of pages only', () => {
		expect(routePath('/en')).toBe('/');
		expect(routePath('/en/carte')).toBe('/carte');
		expect(routePath('/carte')).toBe('/carte');
		expect(routePath('/enquetes')).toBe('/enquetes'); // a French word starting with "en" is not a prefix
	});
	it('leaves /en/api/… and /en/embed/… as they are: they do not exist (404), the API has one address', () => {
		expect(routePath('/en/api/v1/entities')).toBe('/en/api/v1/entities');
		expect(routePath('/en/embed/carte')).toBe('/en/embed/carte');
		expect(isLocalisedPath('/api/v1/entities')).toBe(false);
		expect(isLocalisedPath('/carte')).toBe(true);
	});
});

describe('hreflang alternates', () => {
	it('name the same page in each language, and the French root as x-default', () => {
		expect(alternates(url('/en/carte?categorie=incubateur'))).toEqual([
			{ hreflang: 'fr', href: 'https://carto.example/carte?categorie=incubateur' },
			{ hreflang: 'en', href: 'https://carto.example/en/carte?categorie=incubateur' },
			{ hreflang: 'x-default', href: 'https://carto.example/carte?categorie=incubateur' }
		]);
	});
});
