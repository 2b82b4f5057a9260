import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot } from './browser';

describe("pages d'erreur en français", () => {
	let browser: Browser;
	let page: Page;

	beforeAll(async () => {
		browser = await launchBrowser();
		page = await newPage(browser);
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('un acteur inconnu donne « Page introuvable » (404)', async () => {
		const res = await page.goto('/acteurs/acteur-qui-n-existe-pas');
		expect(res?.status()).toBe(404);
		expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Page introuvable');
		expect(await page.getByTestId('error-message').innerText()).toContain('acteur-qui-n-existe-pas');
		await screenshot(page, '404');

		for (const path of ['/territoires/99999', '/une-page-qui-n-existe-pas', '/acteurs/Pas_Un_Slug']) {
			const r = await page.goto(path);
			expect(r?.status(), path).toBe(404);
			expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Page introuvable');
		}
	});

	it('un paramètre invalide donne une erreur 400 expliquée, jamais une 500', async () => {
		const res = await page.goto('/acteurs?kind=licorne');
		expect(res?.status()).toBe(400);
		expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Requête invalide');
		expect(await page.getByTestId('error-issues').innerText()).toContain("type d'acteur inconnu");
		await screenshot(page, '400');

		for (const path of ['/acteurs?page=abc', '/acteurs?sort=prix', '/acteurs?territory=zz', '/acteurs?perPage=100000', `/recherche?q=${'a'.repeat(300)}`]) {
			const r = await page.goto(path);
			expect(r?.status(), path).toBe(400);
			expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Requête invalide');
		}
	});
});
