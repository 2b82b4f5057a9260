import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, newPage, screenshot } from './browser';

/** French UI words that must not be left on an English page, outside the listings' own texts (lang="fr"). */
const FRENCH_UI =
	/\b(Rechercher|Filtrer|Appliquer|Voir la fiche|Relations|Autres relations|depuis|Catégorie|Secteurs|Parcours|Télécharger|Précédente|Suivante|Signaler|Fiche|confirmé|à préciser|Adresse)\b/;

/** The page's text outside lang="fr" blocks (the listing's own words, the « Français » switcher). */
const englishText = (page: Page) =>
	page.evaluate(() => {
		const body = document.body.cloneNode(true) as HTMLElement;
		for (const el of body.querySelectorAll('[lang="fr"], script, style')) el.remove();
		return body.innerText;
	});

/** Issue 16: the directory and an actor's page under /en, walked as a visitor does. */
describe('the directory and an actor page in English', () => {
	let browser: Browser;
	let page: Page;

	beforeAll(async () => {
		browser = await launchBrowser();
		page = await newPage(browser);
		await page.setViewportSize({ width: 1280, height: 800 });
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('/en/acteurs filters by a category through the form, in English', async () => {
		await page.goto('/en/acteurs');
		expect(await page.locator('html').getAttribute('lang')).toBe('en');
		expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Actor directory');
		expect(await page.getByTestId('result-count').innerText()).toMatch(/^[\d,]+ actors/);
		await page.getByText('Category', { exact: true }).click();
		await page
			.getByRole('group', { name: 'Organisations' })
			.getByRole('checkbox', { name: /^Incubator/ })
			.check();
		await page.getByRole('button', { name: 'Apply filters' }).click();
		await page.waitForURL(/\/en\/acteurs\?.*category=incubator/);
		expect(await page.getByTestId('result-count').innerText()).toMatch(/^\d+ actors?/);
		const table = page.getByTestId('directory-table');
		expect(await table.getByRole('link', { name: /^Name/ }).count()).toBe(1);
		expect(await table.locator('tbody td').nth(1).innerText()).toBe('Incubator');
		expect(await page.getByRole('button', { name: 'Apply filters' }).count()).toBe(1);
		expect(await englishText(page)).not.toMatch(FRENCH_UI);
		await screenshot(page, 'directory-en-desktop');
	});

	it('an actor page in English: headings, labels, relation dates; the listing’s own words marked French', async () => {
		const first = page.getByTestId('directory-table').locator('tbody th a').first();
		const name = await first.innerText();
		expect(await first.getAttribute('href')).toMatch(/^\/en\/acteurs\//);
		await first.click();
		await page.waitForURL(/\/en\/acteurs\/[^/?]+$/);
		expect(await page.locator('html').getAttribute('lang')).toBe('en');
		expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(name);
		expect(await page.locator('.kind .tag').allInnerTexts()).toEqual(['Organisation', 'Incubator']);
		expect(await page.getByRole('heading', { name: /^(Other )?connections \(\d+\)$/i }).count()).toBe(1);
		const groups = await page.locator('section.group h3').allInnerTexts();
		expect(groups.length).toBeGreaterThan(0);
		for (const heading of groups) expect(heading).toMatch(/^[A-Z][a-z-]+( [a-z-]+)*$/);
		for (const period of await page.locator('[data-testid="relation"] .period').allInnerTexts())
			expect(period).toMatch(/^(since|in|on|from|until|date unknown)\b/);
		for (const link of await page.locator('[data-testid="relation"] > a').evaluateAll((a) => a.map((x) => x.getAttribute('href'))))
			expect(link).toMatch(/^\/en\/acteurs\//);
		expect(await page.getByRole('link', { name: 'Actors', exact: true }).first().getAttribute('href')).toBe('/en/acteurs');
		// The description stays in French, says so, and is marked for screen readers and translators.
		const description = page.getByTestId('description');
		const own = (await description.count()) ? description : page.getByTestId('lead');
		expect(await own.getAttribute('lang')).toBe('fr');
		expect(await page.getByTestId('in-french').innerText()).toBe('Description in French');
		expect(await page.getByTestId('freshness-note').innerText()).toMatch(/^(Listing checked on \d{1,2} [A-Z][a-z]+ \d{4}\.|To be checked:)/);
		expect(await englishText(page)).not.toMatch(FRENCH_UI);
		await screenshot(page, 'actor-en-desktop');
	});

	it('the same actor on a phone', async () => {
		const url = page.url();
		const context = await browser.newContext({ baseURL: baseUrl(), locale: 'en-GB', viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
		const phone = await context.newPage();
		await phone.goto(url);
		expect(await phone.locator('html').getAttribute('lang')).toBe('en');
		expect(await englishText(phone)).not.toMatch(FRENCH_UI);
		await screenshot(phone, 'actor-en-phone');
		await context.close();
	});
});
