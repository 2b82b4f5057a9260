import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot } from './browser';

describe("page d'accueil", () => {
	let browser: Browser;
	let page: Page;

	beforeAll(async () => {
		browser = await launchBrowser();
		page = await newPage(browser);
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('présente le site, les trois portes d’entrée et le bandeau de démonstration', async () => {
		await page.goto('/');
		await expect(page.title()).resolves.toContain('Connecteur Carto');
		const banner = page.getByTestId('demo-banner');
		await banner.waitFor();
		expect(await banner.innerText()).toContain('Données de démonstration');
		const main = page.getByRole('main');
		for (const [name, href] of [
			['Je lance mon projet', '/parcours'],
			["J'enquête", '/reseau'],
			['Je mets à jour ma fiche', '/contribuer']
		]) {
			const link = main.getByRole('link', { name: new RegExp(`^${name}`) });
			expect(await link.getAttribute('href')).toBe(href);
		}
		const nav = page.getByRole('navigation', { name: 'Navigation principale' });
		for (const label of ['Accueil', 'Acteurs', 'Carte', 'Réseau', 'Parcours', 'Recherche']) {
			expect(await nav.getByRole('link', { name: label, exact: true }).count()).toBe(1);
		}
		await screenshot(page, 'home');
	});

	it('propose des suggestions pendant la frappe ; flèche bas + Entrée ouvre la fiche', async () => {
		await page.goto('/');
		const box = page.getByRole('combobox', { name: /Rechercher un acteur/ });
		await box.pressSequentially('incubat', { delay: 40 });
		const list = page.getByRole('listbox', { name: 'Suggestions' });
		await list.getByRole('option').first().waitFor();
		expect(await box.getAttribute('aria-expanded')).toBe('true');
		await screenshot(page, 'home-suggestions');
		await box.press('ArrowDown');
		const first = list.getByRole('option').first();
		expect(await first.getAttribute('aria-selected')).toBe('true');
		expect(await box.getAttribute('aria-activedescendant')).toBe(await first.getAttribute('id'));
		const name = (await first.locator('a').first().innerText()).split('\n')[0]?.trim() ?? '';
		await box.press('Enter');
		await page.waitForURL(/\/acteurs\/[a-z0-9-]+$/);
		expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(name);
	});

	it('un clic sur une suggestion ouvre la fiche', async () => {
		await page.goto('/');
		const box = page.getByRole('combobox', { name: /Rechercher un acteur/ });
		await box.pressSequentially('fablab', { delay: 30 });
		const option = page.getByRole('listbox', { name: 'Suggestions' }).getByRole('option').first();
		await option.waitFor();
		await option.click();
		await page.waitForURL(/\/acteurs\/[a-z0-9-]+$/);
		await page.getByRole('heading', { level: 1 }).waitFor();
	});

	it('Entrée sans suggestion choisie lance la recherche complète', async () => {
		await page.goto('/');
		const box = page.getByRole('combobox', { name: /Rechercher un acteur/ });
		await box.fill('fablab');
		await box.press('Enter');
		await page.waitForURL(/\/recherche\?q=fablab/);
		await page.getByTestId('search-count').waitFor();
	});

	it('« Je mets à jour ma fiche » ouvre deux portes sans compte (référencer, c’est ma structure), sans promettre de fonction à venir', async () => {
		const res = await page.goto('/contribuer');
		expect(res?.status()).toBe(200);
		expect(await page.getByText(/bientôt/i).count()).toBe(0);
		const main = page.getByRole('main');
		await main.getByRole('link', { name: 'Se connecter' }).click();
		await page.waitForURL('**/connexion?next=/espace');
		await page.goBack();
		// Issue 14: newcomers list themselves or claim their listing, no invitation to ask for.
		expect(await main.getByTestId('door-new').getByRole('link', { name: 'Référencer ma structure' }).getAttribute('href')).toBe('/contribuer/referencer');
		expect(await main.getByTestId('door-claim').getByRole('searchbox', { name: 'Nom de la structure' }).count()).toBe(1);
		expect(await main.getByText(/sur invitation/).count()).toBe(0);
		expect(await main.getByTestId('way-report').innerText()).toContain('Signaler une erreur');
		expect(await main.getByRole('link', { name: "l'annuaire" }).getAttribute('href')).toBe('/acteurs');
		await screenshot(page, 'contribuer');
	});
});
