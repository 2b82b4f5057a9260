import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, newPage, screenshot } from './browser';

const countOf = async (page: Page) => Number((await page.getByTestId('result-count').innerText()).match(/^(\d+)/)?.[1]);

describe('annuaire des acteurs', () => {
	let browser: Browser;
	let page: Page;

	beforeAll(async () => {
		browser = await launchBrowser();
		page = await newPage(browser);
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('filtre par type et département, garde les filtres dans l’adresse, trie par colonne', async () => {
		await page.goto('/acteurs');
		const all = await countOf(page);
		expect(all).toBeGreaterThan(50);

		const filters = page.getByRole('complementary', { name: 'Filtres' });
		await filters.getByRole('checkbox', { name: /^Tiers-lieu \(\d+\)$/ }).check();
		await filters.getByLabel('Territoire', { exact: true }).selectOption({ label: 'Puy-de-Dôme (63)' });
		await filters.getByRole('button', { name: 'Appliquer les filtres' }).click();
		await page.waitForURL((url) => url.searchParams.get('kind') === 'third_place' && url.searchParams.get('territory') === '63');
		await page.waitForFunction((n) => !document.querySelector('[data-testid="result-count"]')?.textContent?.startsWith(`${n} `), all);
		const filtered = await countOf(page);
		expect(filtered).toBeGreaterThan(0);
		expect(filtered).toBeLessThan(all);
		expect(await page.getByTestId('result-count').innerText()).toContain('Puy-de-Dôme');
		// Every row is a tiers-lieu; the form shows the filters that are on.
		const kinds = await page.getByTestId('directory-table').locator('tbody tr td:nth-child(2)').allInnerTexts();
		expect(new Set(kinds)).toEqual(new Set(['Tiers-lieu']));
		expect(await filters.getByRole('checkbox', { name: /^Tiers-lieu \(/ }).isChecked()).toBe(true);
		await screenshot(page, 'directory-filtered');

		const table = page.getByTestId('directory-table');
		await table.getByRole('link', { name: /^Commune/ }).click();
		await page.waitForURL((url) => url.searchParams.get('sort') === 'commune');
		const communeHeader = table.getByRole('columnheader', { name: /^Commune/ });
		expect(await communeHeader.getAttribute('aria-sort')).toBe('ascending');
		expect(new URL(page.url()).searchParams.get('kind')).toBe('third_place');
		const communes = await table.locator('tbody tr td:nth-child(4)').allInnerTexts();
		expect(communes).toEqual([...communes].sort((a, b) => a.localeCompare(b, 'fr')));

		await table.getByRole('link', { name: /^Commune/ }).click();
		await page.waitForURL((url) => url.searchParams.get('dir') === 'desc');
		expect(await communeHeader.getAttribute('aria-sort')).toBe('descending');
		await screenshot(page, 'directory-sorted');
	});

	it('fonctionne sans JavaScript (formulaire GET, pagination)', async () => {
		const context = await browser.newContext({ baseURL: baseUrl(), javaScriptEnabled: false, locale: 'fr-FR' });
		const nojs = await context.newPage();
		await nojs.goto('/acteurs');
		await nojs.getByRole('checkbox', { name: /^Organisation \(\d+\)$/ }).check();
		await nojs.getByRole('button', { name: 'Appliquer les filtres' }).click();
		await nojs.waitForURL((url) => url.searchParams.get('kind') === 'organisation');
		expect(await nojs.getByTestId('result-count').innerText()).toMatch(/^\d+ acteurs/);
		const next = nojs.getByRole('navigation', { name: 'Pages de résultats' }).getByRole('link', { name: /Suivante/ });
		await next.click();
		await nojs.waitForURL((url) => url.searchParams.get('page') === '2' && url.searchParams.get('kind') === 'organisation');
		await context.close();
	});
});
