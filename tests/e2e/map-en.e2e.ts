import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot } from './browser';

/** French UI words of the map and territory pages that must not be left under /en (place and actor names aside). */
const FRENCH_UI =
	/\b(Carte|Chargement|Filtres|statistiques|Intégrer|Télécharger|Légende|Mesure|Niveau|Aucune|Nombre|habitants|Tableau|Autour|Rayon|Chercher|Effacer|moins de|même|mesurées|acteurs?|structures? \(|Fait partie|Codes postaux|Par catégorie|Ouvrir|voir dans|soit|Qui peut)\b/;

async function mapSettled(page: Page) {
	await page.waitForFunction(() => {
		const probe = window.__cartoMap;
		return Boolean(probe?.idle && probe.dataKey !== null && probe.map?.loaded());
	});
}

/** The UI text of some parts of a page: actors' names (`.name`, `.actors a`) are the listings' own words. */
const uiText = async (...parts: Locator[]) =>
	(
		await Promise.all(
			parts.map((part) =>
				part.evaluate((el) => {
					const copy = el.cloneNode(true) as HTMLElement;
					for (const own of copy.querySelectorAll('.name, .actors a, [lang="fr"]')) own.remove();
					document.body.append(copy);
					const text = copy.innerText;
					copy.remove();
					return text;
				})
			)
		)
	).join('\n');

/** Issue 16: the map and a territory's page under /en, used as a visitor does. */
describe('the map and the territory pages in English', () => {
	let browser: Browser;
	let page: Page;

	beforeAll(async () => {
		browser = await launchBrowser();
		page = await newPage(browser);
		await page.setViewportSize({ width: 1280, height: 800 });
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('/en/carte: count, statistics with their legend and table, the radius search', async () => {
		await page.goto('/en/carte');
		expect(await page.locator('html').getAttribute('lang')).toBe('en');
		await mapSettled(page);
		expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Map of actors');
		expect(await page.getByTestId('map-count').innerText()).toMatch(/^[\d,]+ actors/);
		expect(await page.getByTestId('map').locator('canvas').getAttribute('aria-label')).toBe('Map of actors: use the arrow keys to move, + and - to zoom');
		expect(await page.getByRole('button', { name: 'Zoom in' }).count()).toBe(1);

		await page.getByLabel('Measure').selectOption('count');
		await page.waitForURL((url) => url.pathname === '/en/carte' && url.searchParams.get('stat') === 'count');
		const legend = page.getByTestId('map-legend');
		await legend.getByText('Number of actors, by département').waitFor();
		const table = page.getByTestId('stats-table');
		await table.getByText('Table of figures (4 territories)').click();
		expect(await table.getByRole('link', { name: 'Puy-de-Dôme' }).getAttribute('href')).toBe('/en/territoires/63');

		await page.getByRole('combobox', { name: 'Municipality', exact: true }).fill('Aurill');
		await page.getByRole('option', { name: /^Aurillac/ }).click();
		expect(await page.getByTestId('nearby-reason').innerText()).toMatch(/^Around Aurillac \(15\)/);
		await page.getByLabel('Radius (km)').fill('30');
		await page.getByRole('button', { name: 'Search', exact: true }).click();
		await page.waitForURL((url) => url.pathname === '/en/carte' && url.searchParams.get('near') === '15014');
		const list = page.getByTestId('nearby-list');
		await list.locator('[data-km]').first().waitFor();
		expect(await page.getByRole('heading', { name: 'Within 30 km of Aurillac' }).count()).toBe(1);
		for (const distance of await list.getByTestId('nearby-distance').allInnerTexts()) expect(distance).toMatch(/^(≈ |less than )?[\d.]+\skm$|^in the same /);
		await mapSettled(page);

		// The actor list and the relations toggle below are other components, translated apart.
		expect(await uiText(page.locator('header.head'), page.getByTestId('map-sheet'), legend, table, page.locator('.nearby-list'))).not.toMatch(FRENCH_UI);
		await screenshot(page, 'map-en-nearby');
	});

	it('a commune’s page: its figures, the way to the pathway finder and to the map, in English', async () => {
		await page.goto('/en/territoires/15014');
		expect(await page.locator('html').getAttribute('lang')).toBe('en');
		expect(await page.title()).toBe('Aurillac (Commune) · Connecteur Carto');
		const around = page.getByTestId('around-commune');
		expect(await around.getByRole('heading', { level: 2 }).innerText()).toBe('Around Aurillac');
		expect(await around.getByTestId('finder-link').innerText()).toBe('Who can help me around Aurillac?');
		expect(await around.getByTestId('finder-link').getAttribute('href')).toBe('/en/parcours?commune=15014');
		expect(await around.getByTestId('map-link').getAttribute('href')).toBe('/en/carte?near=15014&radius=20');
		expect(await page.getByTestId('population').innerText()).toMatch(/^[\d,]+ inhabitants$/);
		expect(await page.getByTestId('territory-exports').innerText()).toMatch(/^Download this territory's [\d,]+ actors?:|^Download this territory's actor:/);
		expect(await uiText(page.locator('main'))).not.toMatch(FRENCH_UI);
		await screenshot(page, 'territory-en');
	});
});
