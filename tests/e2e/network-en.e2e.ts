import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, newPage, screenshot } from './browser';
import { graphReady } from './graph-helpers';

/** French words of the network's and the explorer's own controls that must not be left on an English page. */
const FRENCH_UI =
	/\b(Réseau des acteurs|Légende|Acteurs clés|Disposition|Taille des nœuds|Couleur|Voisinage|Chargement|Relations principales|Voir la fiche|Exporter|Recadrer|Masquer|Centrer|acteurs?|Calculé|sur la carte|dans le réseau|Tout le réseau|déclarée|contestée|Les plus reliés|Valeur)\b/;

/** The text of a part of the page outside lang="fr" blocks (a listing's own summary). */
const englishText = (page: Page, testId: string) =>
	page.getByTestId(testId).evaluate((el) => {
		const copy = el.cloneNode(true) as HTMLElement;
		for (const fr of copy.querySelectorAll('[lang="fr"]')) fr.remove();
		return copy.innerText;
	});

/** Issue 16: /en/reseau and /en/explorer draw in the browser; their words are the page's language. */
describe('the network and the explorer in English', () => {
	let browser: Browser;
	let page: Page;
	let hub: { id: number; label: string };

	beforeAll(async () => {
		browser = await launchBrowser();
		page = await newPage(browser);
		await page.setViewportSize({ width: 1280, height: 900 });
		const graph = (await (await fetch(`${baseUrl()}/api/v1/graph?limit=600`)).json()) as { nodes: { id: number; label: string; degree: number }[] };
		hub = [...graph.nodes].sort((a, b) => b.degree - a.degree)[0] as { id: number; label: string };
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('/en/reseau: counts, controls, legend, key actors and an actor’s card in English, links kept in English', async () => {
		await page.goto(`/en/reseau?actor=${hub.id}`);
		await graphReady(page);
		expect(await page.locator('html').getAttribute('lang')).toBe('en');
		expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Actor network');
		expect(await page.getByTestId('graph-count').innerText()).toMatch(/^[\d,]+ actors?, [\d,]+ relations?/);
		expect(await page.getByLabel('Layout').locator('option').allInnerTexts()).toContain('Grouped by category');
		await page.getByTestId('graph-legend').getByText('declared, not confirmed', { exact: true }).waitFor();
		await page.getByRole('heading', { name: 'Key actors' }).waitFor();

		const card = page.getByTestId('actor-card');
		await card.waitFor();
		expect(await card.getByRole('heading', { level: 2 }).innerText()).toBe(hub.label);
		expect(await card.getByRole('heading', { name: 'Main relations' }).count()).toBe(1);
		for (const href of await card.locator('a[href^="/"]').evaluateAll((a) => a.map((x) => x.getAttribute('href')))) expect(href).toMatch(/^\/en(\/|\?|$)/);
		expect(await card.getByRole('link', { name: 'See the full listing' }).count()).toBe(1);
		expect(await page.getByRole('button', { name: 'Close the card (Esc)' }).count()).toBe(1);

		for (const part of ['graph-count', 'graph-legend', 'key-actors', 'actor-panel']) expect(await englishText(page, part), part).not.toMatch(FRENCH_UI);
		await screenshot(page, 'network-en-desktop');
	});

	it('/en/explorer: both panes counted in English', async () => {
		await page.goto('/en/explorer');
		expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Explore');
		const count = page.getByTestId('explorer-count');
		await page.waitForFunction(() => /network/.test(document.querySelector('[data-testid="explorer-count"]')?.textContent ?? ''));
		expect(await count.innerText()).toMatch(/^[\d,]+ actors? on the map · [\d,]+ actors? and [\d,]+ relations? in the network/);
		expect(await page.getByRole('separator', { name: 'Divider between the map and the network' }).count()).toBe(1);
		expect(await englishText(page, 'explorer-count')).not.toMatch(FRENCH_UI);
		await screenshot(page, 'explorer-en-desktop');
	});
});
