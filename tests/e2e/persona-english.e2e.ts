import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser } from './browser';
import { journey, SIZES, type SizeName } from './persona';

/**
 * Issue 16: a founder who reads no French (a researcher arriving at the Université Clermont Auvergne, say)
 * finds a pathway from home to an actor's page, in English from the first screen to the last, with the
 * listing's own description left in French and said to be so.
 */

/** French interface words that would betray an untranslated screen (listing names and places are content). */
const FRENCH_UI =
	/\b(Rechercher|Votre commune|Proposer un parcours|Étape|Pourquoi|Voir la fiche|Retour|Partager|Relations|depuis|Catégorie|Secteurs|Télécharger|Signaler|Fiche|confirmé|Adresse|Chargement)\b/;

/** What the page says, outside the listings' own texts (lang="fr") and the « Français » switcher. */
const englishText = (page: Page) =>
	page.evaluate(() => {
		const body = document.body.cloneNode(true) as HTMLElement;
		for (const el of body.querySelectorAll('[lang="fr"], script, style')) el.remove();
		return body.innerText;
	});

describe.each(['desktop', 'phone'] as SizeName[])('an English-speaking founder (%s)', (size) => {
	let browser: Browser;
	let page: Page;

	beforeAll(async () => {
		browser = await launchBrowser();
		const phone = size === 'phone';
		const context = await browser.newContext({ baseURL: baseUrl(), locale: 'en-GB', viewport: SIZES[size], isMobile: phone, hasTouch: phone });
		page = await context.newPage();
		page.setDefaultTimeout(20_000);
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('home → pathway finder → a route → an actor page → back to the route, all in English', async () => {
		const step = journey('english', size, page);

		// An English browser typing the site's address lands on the English home page.
		await page.goto('/');
		await page.waitForURL((url) => url.pathname === '/en');
		expect(await page.locator('html').getAttribute('lang')).toBe('en');
		expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Innovation in Auvergne, connected');
		await step('home');

		await page.getByRole('link', { name: /^I'm starting a project/ }).click();
		await page.waitForURL((url) => url.pathname === '/en/parcours');
		const form = page.getByTestId('finder-form');
		await form.getByRole('combobox', { name: 'Your municipality' }).pressSequentially('Saint-Fl', { delay: 40 });
		await page.getByRole('option', { name: /^Saint-Flour\b.*\(15\)/ }).click();
		await form.getByRole('radio', { name: /^Launch/ }).check();
		await form.getByRole('checkbox', { name: 'Funding' }).check();
		expect(await englishText(page)).not.toMatch(FRENCH_UI);
		await step('finder');

		await form.getByRole('button', { name: 'Propose a pathway' }).click();
		await page.waitForURL((url) => url.pathname === '/en/parcours' && url.searchParams.get('commune') === '15187');
		await page.getByRole('heading', { level: 2, name: /^Your pathway from Saint-Flour/ }).waitFor();
		const steps = page.getByTestId('route-step');
		expect(await steps.count()).toBeGreaterThanOrEqual(2);
		expect(await englishText(page)).not.toMatch(FRENCH_UI);
		await step('route', steps.first());
		const routeAddress = page.url();

		// The first proposal of the first step: its name leads to its page, in English.
		const first = steps.first().getByTestId('option-name').first();
		const name = await first.innerText();
		expect(await first.getAttribute('href')).toMatch(/^\/en\/acteurs\//);
		await first.click();
		await page.waitForURL((url) => url.pathname.startsWith('/en/acteurs/'));
		expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(name);
		expect(await englishText(page)).not.toMatch(FRENCH_UI);
		// The listing's own description is the actor's words: French, marked so, and said so discreetly.
		if (await page.getByTestId('in-french').count()) {
			expect(await page.getByTestId('in-french').first().innerText()).toBe('Description in French');
			expect(await page.locator('[lang="fr"]').count()).toBeGreaterThan(0);
		}
		await step('actor');

		await page.getByRole('link', { name: 'Back to your pathway' }).click();
		await page.waitForURL(routeAddress);
		await page.getByRole('heading', { level: 2, name: /^Your pathway from Saint-Flour/ }).waitFor();
		await step('back-to-route');
	});
});
