import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot } from './browser';

describe('recherche', () => {
	let browser: Browser;
	let page: Page;

	beforeAll(async () => {
		browser = await launchBrowser();
		page = await newPage(browser);
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('« tiers lieu » trouve des tiers-lieux, avec l’extrait surligné', async () => {
		await page.goto('/recherche?q=tiers%20lieu');
		const count = await page.getByTestId('search-count').innerText();
		expect(Number(count.match(/^(\d+)/)?.[1])).toBeGreaterThan(0);
		const hits = page.getByTestId('search-hit');
		const first = hits.first();
		expect(await first.innerText()).toMatch(/Tiers-lieu/);
		expect(await first.locator('mark').count()).toBeGreaterThan(0);
		expect((await first.locator('mark').first().innerText()).toLowerCase()).toMatch(/tiers|lieu/);
		await screenshot(page, 'search-tiers-lieu');
	});

	it('« clermont » trouve les acteurs de Clermont-Ferrand', async () => {
		await page.goto('/recherche?q=clermont');
		const hits = page.getByTestId('search-hit');
		await hits.first().waitFor();
		const texts = await hits.allInnerTexts();
		expect(texts.filter((t) => t.includes('Clermont-Ferrand')).length).toBeGreaterThan(2);
		await screenshot(page, 'search-clermont');
	});

	it('explique une recherche vide et une recherche sans résultat', async () => {
		await page.goto('/recherche');
		await page.getByTestId('search-empty').waitFor();
		await page.goto('/recherche?q=zzzqqqxxw');
		expect(await page.getByTestId('search-none').innerText()).toContain('Aucun résultat');
	});
});
