/**
 * The forgiving search as a visitor meets it: a typo in the home box still suggests the structures meant,
 * the results page offers the corrected spelling, facets narrow the list, a place named in the query gets its
 * card and the structures around it, an English query finds the French listings; and on a phone the results
 * come before the facets.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot } from './browser';

describe('recherche qui pardonne', () => {
	let browser: Browser;
	let page: Page;

	beforeAll(async () => {
		browser = await launchBrowser();
		page = await newPage(browser);
	});
	afterAll(async () => {
		await browser?.close();
	});

	const hitMetas = () => page.getByTestId('search-hit').locator('.meta').allInnerTexts();

	it('une faute de frappe dans la boîte d’accueil propose quand même les incubateurs, et la page dit « Vouliez-vous dire »', async () => {
		await page.goto('/');
		const box = page.getByRole('combobox', { name: /Rechercher un acteur/ });
		await box.pressSequentially('incubatuer', { delay: 30 });
		const options = page.getByRole('listbox', { name: 'Suggestions' }).getByRole('option');
		await options.first().waitFor();
		// The list follows the typing (debounced): it settles on the whole word's suggestions a moment later.
		await expect.poll(async () => (await options.allInnerTexts()).some((t) => t.includes('Incubateur')), { timeout: 10_000 }).toBe(true);
		await screenshot(page, 'search-typo-suggestions');
		await box.press('Enter');
		await page.waitForURL(/\/recherche\?q=incubatuer/);
		const suggestion = page.getByTestId('search-suggestion');
		expect(await suggestion.innerText()).toMatch(/^Vouliez-vous dire\s:\sincubateur\s\?$/);
		expect((await hitMetas())[0]).toContain('Incubateur');
		await screenshot(page, 'search-typo-page');
		await suggestion.getByRole('link', { name: 'incubateur' }).click();
		await page.waitForURL(/\/recherche\?q=incubateur$/);
		await page.getByTestId('search-count').waitFor();
		expect(await page.getByTestId('search-suggestion').count()).toBe(0);
	});

	it('un pluriel trouve le singulier, et une facette resserre la liste sur ce qu’elle annonce', async () => {
		await page.goto('/recherche?q=incubateurs');
		const count = Number((await page.getByTestId('search-count').innerText()).match(/^\d+/)?.[0]);
		expect(count).toBeGreaterThan(5);
		const facet = page.getByTestId('facet-kind').filter({ hasText: 'Organisations' });
		const announced = Number((await facet.locator('.count').innerText()).trim());
		await facet.click();
		await page.waitForURL(/kind=organisation/);
		expect(await page.getByTestId('search-count').innerText()).toMatch(new RegExp(`^${announced} résultats?`));
		expect((await hitMetas()).every((m) => m.startsWith('Organisation'))).toBe(true);
		expect(await page.getByTestId('facet-kind').filter({ hasText: 'Organisations' }).getAttribute('aria-current')).toBe('true');
	});

	it('« coworking thiers » : la commune, ses acteurs, et des espaces de travail autour', async () => {
		await page.goto('/recherche?q=coworking%20thiers');
		const card = page.getByTestId('search-place').first();
		expect(await card.getByRole('link').first().innerText()).toBe('Thiers');
		expect(await card.innerText()).toMatch(/\d+ acteurs? dans la commune/);
		expect(await card.getByTestId('place-near').getAttribute('href')).toBe('/carte?near=63430&radius=10');
		const found = (await page.getByTestId('search-hit').count()) + (await page.getByTestId('search-around').getByRole('listitem').count());
		expect(found).toBeGreaterThan(0);
		await screenshot(page, 'search-place');
	});

	it('une recherche en anglais trouve les financeurs, parmi les premiers résultats', async () => {
		await page.goto('/recherche?q=seed%20funding%20clermont');
		expect((await hitMetas()).slice(0, 5).some((m) => m.includes('Financeur'))).toBe(true);
	});

	it('sur téléphone, les résultats passent avant les facettes', async () => {
		await page.setViewportSize({ width: 390, height: 844 });
		await page.goto('/recherche?q=fablabs');
		const firstHit = await page.getByTestId('search-hit').first().boundingBox();
		const facets = await page.getByTestId('search-facets').boundingBox();
		expect(firstHit!.y).toBeLessThan(facets!.y);
		expect(firstHit!.x + firstHit!.width).toBeLessThanOrEqual(390);
		await screenshot(page, 'search-phone');
		await page.setViewportSize({ width: 1280, height: 900 });
	});
});
