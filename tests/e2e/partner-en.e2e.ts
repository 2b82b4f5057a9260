import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, screenshot } from './browser';
import { createAccount, PASSWORD } from './sign-in';

/*
 * Issue 16: the pages of someone who lists a structure or manages listings, under /en, walked as that person
 * does: an editor's invitation opened in English, the password chosen, « My space », a listing's edit page,
 * the account page; then the doors of a visitor without an account (contribute, list, claim, report, sign in).
 */

const EDITOR = { email: 'emma.editor@example.org', name: 'Emma Editor' };

/** French UI words that must not be left on these pages, outside the listings' own texts (lang="fr"). */
const FRENCH_UI =
	/\b(Mon espace|Mes propositions|Modifier|Enregistrer|Retirer|Confirmer|Fiche|fiches?|Relations? (?:proposée|déclarée)|Ajouter|Début|Fin|Lieu|Adresse|Catégorie|Secteurs|Résumé|Site web|Mot de passe|Se connecter|Référencer|Envoyer|Votre|facultatif|Signaler|Recevoir|Chercher|à jour|en attente)\b/;

/**
 * The page's text outside lang="fr" blocks (the listings' own words, the « Français » switcher). A relation's
 * state (« déclarée par …, en attente de confirmation par … ») is left out: partner-space.service writes it,
 * and the services' sentences follow the request's language in their own change.
 */
const englishText = (page: Page) =>
	page.evaluate(() => {
		const body = document.body.cloneNode(true) as HTMLElement;
		for (const el of body.querySelectorAll('[lang="fr"], [data-testid="relation-state"], script, style')) el.remove();
		return body.innerText;
	});

async function expectEnglish(page: Page, path: string, heading: string | RegExp): Promise<void> {
	await page.goto(path);
	expect(await page.locator('html').getAttribute('lang')).toBe('en');
	const h1 = await page.getByRole('heading', { level: 1 }).innerText();
	if (typeof heading === 'string') expect(h1).toBe(heading);
	else expect(h1).toMatch(heading);
	expect(await englishText(page)).not.toMatch(FRENCH_UI);
}

describe('the partner pages in English', () => {
	let browser: Browser;
	let page: Page;

	beforeAll(async () => {
		browser = await launchBrowser();
		const context = await browser.newContext({ baseURL: baseUrl(), locale: 'en-GB', viewport: { width: 1280, height: 900 } });
		page = await context.newPage();
		page.setDefaultTimeout(15_000);
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('an invitation opened under /en: the password chosen in English, then « My space » in English', async () => {
		const invitation = createAccount('editor', EDITOR.email, EDITOR.name);
		await page.goto(`/en${invitation}`);
		expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Welcome, choose your password');
		await page.getByLabel('Password (at least 12 characters)').fill(PASSWORD);
		await page.getByLabel('Confirm the password').fill(PASSWORD);
		await page.getByRole('button', { name: 'Save the password' }).click();
		await page.waitForURL('**/en/espace', { timeout: 30_000 });
		expect(await page.getByTestId('espace-hello').innerText()).toBe(`Hello ${EDITOR.name}`);
		expect(await page.getByTestId('espace-role').innerText()).toBe('Editor');
		expect(await page.getByRole('heading', { name: 'Propose a new listing' }).count()).toBe(1);
		expect(await englishText(page)).not.toMatch(FRENCH_UI);
		await screenshot(page, 'partner-en-space');
	});

	it('a listing’s edit page in English: fieldsets, vocabulary, relations; the listing’s links stay in English', async () => {
		const items = ((await (await fetch(`${baseUrl()}/api/v1/entities?category=incubator&limit=1`)).json()) as { items: { id: number; name: string }[] }).items;
		const listing = items[0]!;
		await expectEnglish(page, `/en/espace/fiches/${listing.id}`, `Edit “${listing.name}”`);
		expect(await page.getByLabel('Category', { exact: true }).locator('option:checked').innerText()).toBe('Incubator');
		expect(await page.getByRole('group', { name: 'Sectors', exact: true }).count()).toBe(1);
		expect(await page.getByRole('button', { name: 'Declare the relation' }).count()).toBe(1);
		expect(await page.getByRole('link', { name: '← My space' }).getAttribute('href')).toBe('/en/espace');
		await screenshot(page, 'partner-en-edit');
	});

	it('the account page and the answer to a preference, in English', async () => {
		await expectEnglish(page, '/en/compte', 'My account');
		await page.getByRole('radio', { name: 'A weekly summary' }).check();
		await page.getByRole('button', { name: 'Save', exact: true }).click();
		expect(await page.getByTestId('notify-mode-done').innerText()).toBe('Preference saved: a weekly summary.');
	});

	it('the doors of a visitor without an account, in English', async () => {
		await page.context().clearCookies();
		await expectEnglish(page, '/en/contribuer', 'List your organisation or update its listing');
		await expectEnglish(page, '/en/contribuer/referencer', 'List my organisation');
		await expectEnglish(page, '/en/connexion', 'Sign in');
		await expectEnglish(page, '/en/connexion/oubli', 'Forgotten password');
		await page.goto('/en/contribuer');
		await page.getByLabel('Name of the organisation').fill('incubateur');
		await page.getByRole('button', { name: 'Search', exact: true }).click();
		await page.waitForURL(/\/en\/contribuer\/gerer\?q=/);
		expect(await page.getByRole('status').innerText()).toMatch(/^\d+ listings? found: choose yours\.$/);
		await page.getByTestId('claim-hits').getByRole('link').first().click();
		await page.waitForURL(/\/en\/contribuer\/gerer\/[^/?]+$/);
		expect(await page.getByRole('heading', { level: 1 }).innerText()).toMatch(/^Do you manage “.+”\?$/);
		expect(await englishText(page)).not.toMatch(FRENCH_UI);
	});
});
