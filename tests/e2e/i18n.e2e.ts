import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, newPage, screenshot } from './browser';

/** Issue 16: the site in English under /en/…, French unchanged at the root. */
describe('le site en anglais (/en)', () => {
	let browser: Browser;
	let page: Page;

	beforeAll(async () => {
		browser = await launchBrowser();
		page = await newPage(browser);
	});
	afterAll(async () => {
		await browser?.close();
	});

	const nav = (p: Page) => p.getByRole('navigation', { name: /^(Main navigation|Navigation principale)$/ });

	it('/en : <html lang="en">, alternates hreflang, en-tête et accueil en anglais', async () => {
		const res = await page.goto('/en');
		expect(res?.status()).toBe(200);
		expect(await page.locator('html').getAttribute('lang')).toBe('en');
		const alternates = await page
			.locator('link[rel="alternate"][hreflang]')
			.evaluateAll((links) => links.map((l) => [l.getAttribute('hreflang'), l.getAttribute('href')]));
		expect(alternates).toEqual([
			['fr', `${baseUrl()}/`],
			['en', `${baseUrl()}/en`],
			['x-default', `${baseUrl()}/`]
		]);
		await expect(page.title()).resolves.toBe('Connecteur Carto · the innovation ecosystem of Auvergne');
		expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Innovation in Auvergne, connected');
		for (const label of ['Home', 'Actors', 'Map', 'Network', 'Explore', 'Pathways', 'Search']) {
			expect(await nav(page).getByRole('link', { name: label, exact: true }).count()).toBe(1);
		}
		expect(await nav(page).getByRole('link', { name: 'Map', exact: true }).getAttribute('href')).toBe('/en/carte');
		expect(await page.getByTestId('demo-banner').innerText()).toContain('Demonstration data');
		const main = page.getByRole('main');
		expect(await main.getByRole('link', { name: /^I'm starting a project/ }).getAttribute('href')).toBe('/en/parcours');
		expect(await main.getByRole('link', { name: 'the actor directory' }).getAttribute('href')).toBe('/en/acteurs');
		expect(await page.getByRole('combobox', { name: /Search for an actor/ }).count()).toBe(1);
		const english = page.getByRole('link', { name: 'Français' });
		expect(await english.getAttribute('lang')).toBe('fr');
		expect(await english.getAttribute('href')).toBe('/');
		await screenshot(page, 'i18n-home-en-desktop');
	});

	it('le sélecteur garde la page et ses filtres, dans les deux sens', async () => {
		const query = '?kind=organisation&category=incubator';
		await page.goto(`/en/acteurs${query}`);
		expect(await page.locator('html').getAttribute('lang')).toBe('en');
		expect(await nav(page).getByRole('link', { name: 'Actors', exact: true }).getAttribute('aria-current')).toBe('page');
		await page.getByRole('link', { name: 'Français' }).click();
		await page.waitForURL(`${baseUrl()}/acteurs${query}`);
		expect(await page.locator('html').getAttribute('lang')).toBe('fr');
		expect(await nav(page).getByRole('link', { name: 'Acteurs', exact: true }).getAttribute('aria-current')).toBe('page');
		const switcher = page.getByRole('link', { name: 'English' });
		expect(await switcher.getAttribute('lang')).toBe('en');
		await switcher.click();
		await page.waitForURL(`${baseUrl()}/en/acteurs${query}`);
		expect(await page.locator('html').getAttribute('lang')).toBe('en');
	});

	it('un lien de la page anglaise reste en anglais ; l’API n’a pas de double sous /en', async () => {
		await page.goto('/en');
		await page.getByRole('main').getByRole('link', { name: 'the actor directory' }).click();
		await page.waitForURL(`${baseUrl()}/en/acteurs`);
		expect(await nav(page).getByRole('link', { name: 'Home', exact: true }).count()).toBe(1);
		expect((await page.request.get('/en/api/v1/entities')).status()).toBe(404);
		expect((await page.request.get('/api/v1/entities?limit=1')).status()).toBe(200);
	});

	it('première visite : Accept-Language anglais mène à /en ; le choix « Français » est retenu', async () => {
		const context = await browser.newContext({ baseURL: baseUrl(), locale: 'en-GB', viewport: { width: 390, height: 844 } });
		const phone = await context.newPage();
		await phone.goto('/');
		await phone.waitForURL(`${baseUrl()}/en`);
		expect(await phone.locator('html').getAttribute('lang')).toBe('en');
		await screenshot(phone, 'i18n-home-en-phone');
		await phone.getByRole('link', { name: 'Français' }).click();
		await phone.waitForURL(`${baseUrl()}/`);
		expect(await phone.locator('html').getAttribute('lang')).toBe('fr');
		// The page remembers the choice once its script has run (paraglide's cookie): a person types the next address after that.
		await expect.poll(async () => (await context.cookies()).find((c) => c.name === 'PARAGLIDE_LOCALE')?.value).toBe('fr');
		// Coming back later (a typed address): the remembered choice, not Accept-Language.
		await phone.goto('/parcours');
		expect(new URL(phone.url()).pathname).toBe('/parcours');
		expect(await phone.locator('html').getAttribute('lang')).toBe('fr');
		await context.close();
	});

	it('un navigateur anglais qui ouvre l’explorateur y arrive sous /en, carte et réseau prêts, l’adresse garde /en', async () => {
		const context = await browser.newContext({ baseURL: baseUrl(), locale: 'en-GB', viewport: { width: 1280, height: 900 } });
		const english = await context.newPage();
		const errors: string[] = [];
		english.on('pageerror', (e) => errors.push(e.message));
		await english.goto('/explorer?focus=32');
		await english.waitForURL(`${baseUrl()}/en/explorer?focus=32`);
		await english.waitForFunction(() => Boolean(window.__cartoMap?.firstIdleAt && window.__cartoGraph?.ready), undefined, { timeout: 60_000 });
		expect(errors).toEqual([]);
		expect(new URL(english.url()).pathname).toBe('/en/explorer');
		await context.close();
	});

	it('la racine française reste la même pour un navigateur français', async () => {
		const res = await page.context().request.get('/', { headers: { 'accept-language': 'fr-FR' }, maxRedirects: 0 });
		expect(res.status()).toBe(200);
		const french = await newPage(browser);
		await french.goto('/');
		expect(new URL(french.url()).pathname).toBe('/');
		expect(await french.locator('html').getAttribute('lang')).toBe('fr');
		expect(await nav(french).getByRole('link', { name: 'Accueil', exact: true }).count()).toBe(1);
		await french.context().close();
	});
});
