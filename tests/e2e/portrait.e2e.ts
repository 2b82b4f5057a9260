import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot } from './browser';

describe('fiche acteur et fiche territoire', () => {
	let browser: Browser;
	let page: Page;

	beforeAll(async () => {
		browser = await launchBrowser();
		page = await newPage(browser);
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('ouvre un acteur, puis suit une relation vers un autre acteur', async () => {
		await page.goto('/acteurs?kind=organisation&category=incubator');
		const table = page.getByTestId('directory-table');
		const firstActor = table.getByRole('rowheader').first().getByRole('link');
		const name = await firstActor.innerText();
		await firstActor.click();
		await page.waitForURL(/\/acteurs\/[a-z0-9-]+$/);
		expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(name);
		expect(await page.getByRole('heading', { name: /^Relations/ }).count()).toBe(1);
		const relations = page.getByTestId('relation');
		expect(await relations.count()).toBeGreaterThan(0);
		const first = relations.first();
		// French typography: a non-breaking space before the colon (French-phrasing module).
		expect(await first.innerText()).toMatch(/Source\u00a0:/);
		await screenshot(page, 'portrait');

		const other = first.getByRole('link').first();
		const otherName = await other.innerText();
		const from = page.url();
		await other.click();
		await page.waitForURL((url) => url.href !== from && /\/acteurs\/[a-z0-9-]+$/.test(url.pathname));
		expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(otherName);
	});

	it('ouvre le territoire depuis le fil d’Ariane : effectifs et taux pour 10 000 habitants', async () => {
		await page.goto('/recherche?q=clermont');
		await page.getByTestId('search-hit').first().getByRole('link').first().click();
		await page.waitForURL(/\/acteurs\//);
		const crumbs = page.getByRole('navigation', { name: "Fil d'Ariane" });
		const commune = crumbs.getByRole('link', { name: 'Clermont-Ferrand' });
		await commune.click();
		await page.waitForURL(/\/territoires\/63113$/);
		expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Clermont-Ferrand');
		expect(await page.getByTestId('population').innerText()).toMatch(/habitants/);
		expect(await page.getByTestId('total').innerText()).toMatch(/pour 10 000 habitants/);
		const byKind = page.getByTestId('counts-by-kind');
		expect(await byKind.getByRole('columnheader', { name: 'Pour 10 000 hab.' }).count()).toBe(1);
		expect(await byKind.getByRole('row').count()).toBeGreaterThan(1);
		expect(await page.getByTestId('counts-by-category').getByRole('row').count()).toBeGreaterThan(1);
		expect(await page.getByRole('heading', { name: /Acteurs situés ici/ }).count()).toBe(1);
		await screenshot(page, 'territory-commune');

		// Up to the EPCI, which lists its communes.
		await crumbs.getByRole('link').last().click();
		await page.waitForURL(/\/territoires\/\d{9}$/);
		expect(await page.getByRole('heading', { name: /^Communes \(\d+\)/ }).count()).toBe(1);
		await screenshot(page, 'territory-epci');
	});
});
