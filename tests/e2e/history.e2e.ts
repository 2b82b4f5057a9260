import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, newPage, screenshot } from './browser';

describe("historique d'un acteur", () => {
	let browser: Browser;
	let page: Page;

	beforeAll(async () => {
		browser = await launchBrowser();
		page = await newPage(browser);
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('montre la création de la fiche par « système », ses relations, et ramène à la fiche', async () => {
		const list = (await (await fetch(`${baseUrl()}/api/v1/entities?category=incubator&limit=1`)).json()) as { items: { slug: string; name: string }[] };
		const [actor] = list.items;
		// Reached from the actor's page, as a reader would.
		await page.goto(`/acteurs/${actor!.slug}`);
		await page.getByRole('link', { name: 'Historique des modifications' }).click();
		await page.waitForURL(`**/acteurs/${actor!.slug}/historique`);
		expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(`Historique de «\u00a0${actor!.name}\u00a0»`);

		const creation = page.locator('[data-testid="revision"][data-operation="create"]');
		expect(await creation.count()).toBe(1);
		const text = await creation.innerText();
		expect(text).toMatch(/Création/);
		expect(text).toMatch(/système/);
		expect(text).toMatch(/Données de démonstration/);
		expect(await creation.getByRole('rowheader', { name: 'Nom' }).count()).toBe(1);
		expect(await creation.getByRole('cell', { name: actor!.name, exact: true }).count()).toBe(1);
		expect(await page.getByTestId('relation-revision').count()).toBeGreaterThan(0);
		await screenshot(page, 'history');

		await page.getByTestId('back-to-entity').click();
		await page.waitForURL((url) => url.pathname === `/acteurs/${actor!.slug}`);
		expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(actor!.name);
	});

	it('un acteur inconnu donne une 404', async () => {
		const res = await page.goto('/acteurs/acteur-qui-n-existe-pas/historique');
		expect(res?.status()).toBe(404);
	});
});
