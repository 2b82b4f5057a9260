import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, newPage, screenshot } from './browser';
import { choosePassword, createAccount } from './sign-in';

/*
 * An editor teaches the search a word on /admin/recherche (issue 16): the group is listed, the word finds
 * the incubators on /recherche from the next search on, and the group can be changed and deleted in place.
 */

const PHONE = { width: 390, height: 844 };
/** A word the demo's listings never use: only the new group can make it find anything. */
const WORD = 'pouponnière';

async function hitNames(page: Page, q: string): Promise<string[]> {
	await page.goto(`/recherche?q=${encodeURIComponent(q)}`);
	await page.locator('[data-testid="search-hit"], [data-testid="search-none"]').first().waitFor();
	// Each hit opens with the link to its listing, named after it.
	return page.getByTestId('search-hit').evaluateAll((hits) => hits.map((hit) => hit.querySelector('a')?.textContent?.trim() ?? ''));
}

describe('synonymes de la recherche : une table que les éditeurs modifient', () => {
	let browser: Browser;
	let page: Page;
	let phoneContext: BrowserContext;
	let phone: Page;
	const group = () => page.getByTestId('synonym-group').and(page.locator(`[data-first="${WORD}"]`));

	beforeAll(async () => {
		browser = await launchBrowser();
		page = await newPage(browser);
		await page.setViewportSize({ width: 1280, height: 800 });
		await choosePassword(page, createAccount('editor', 'sylvie.synonymes@exemple.fr', 'Sylvie Synonymes'));
		// The same session on a phone: its cookie, not a second sign-in (hashing a password is slow).
		const storageState = await page.context().storageState();
		phoneContext = await browser.newContext({ baseURL: baseUrl(), locale: 'fr-FR', viewport: PHONE, hasTouch: true, isMobile: true, storageState });
		phone = await phoneContext.newPage();
		phone.setDefaultTimeout(15_000);
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('l’éditeur trouve la page depuis l’en-tête, avec les groupes en deux listes', async () => {
		await page.goto('/espace');
		await page.getByRole('banner').getByRole('link', { name: 'Synonymes' }).click();
		await page.waitForURL('**/admin/recherche');
		await page.getByRole('heading', { name: 'Synonymes de la recherche' }).waitFor();
		expect(await page.getByTestId('synonymes-list').getByTestId('synonym-group').count()).toBeGreaterThan(15);
		expect(await page.getByTestId('proches-list').getByTestId('synonym-group').count()).toBeGreaterThan(2);
		expect(await page.getByRole('link', { name: 'Essayer la recherche « tiers-lieu »' }).first().getAttribute('href')).toBe('/recherche?q=tiers-lieu');
	});

	it('ajoute un groupe, qui compte dès la recherche suivante', async () => {
		const incubators = await hitNames(page, 'incubateur');
		expect(incubators.length).toBeGreaterThan(0);
		expect(await hitNames(page, WORD)).toEqual([]);

		await page.goto('/admin/recherche');
		// A refusal first: the server's French message, and what was typed kept.
		await page.getByLabel('Mots ou expressions, séparés par des virgules').fill(WORD);
		await page.getByRole('button', { name: 'Ajouter' }).click();
		expect(await page.getByTestId('synonym-add-error').innerText()).toBe('Synonymes : il faut au moins deux mots ou expressions, séparés par des virgules.');
		expect(await page.getByLabel('Mots ou expressions, séparés par des virgules').inputValue()).toBe(WORD);

		await page.getByLabel('Mots ou expressions, séparés par des virgules').fill(`${WORD},  incubateur`);
		await page.getByRole('button', { name: 'Ajouter' }).click();
		expect(await page.getByTestId('synonym-add-done').innerText()).toContain(`«\u00a0${WORD}, incubateur\u00a0»`);
		await group().waitFor();
		expect(await page.getByTestId('synonymes-list').getByLabel(`Mots du groupe « ${WORD} »`).inputValue()).toBe(`${WORD}, incubateur`);
		await screenshot(page, 'synonyms-desktop');
		await phone.goto('/admin/recherche');
		await phone
			.getByTestId('synonym-group')
			.and(phone.locator(`[data-first="${WORD}"]`))
			.scrollIntoViewIfNeeded();
		await screenshot(phone, 'synonyms-phone');

		await group()
			.getByRole('link', { name: `Essayer la recherche « ${WORD} »` })
			.click();
		await page.waitForURL(`**/recherche?q=${encodeURIComponent(WORD)}`);
		await page.getByTestId('search-hit').first().waitFor();
		expect(await hitNames(page, WORD)).toContain(incubators[0]);
		await screenshot(page, 'synonyms-search');
	});

	it('modifie le groupe en place, puis le supprime après confirmation', async () => {
		await page.goto('/admin/recherche');
		await group().getByLabel(`Mots du groupe « ${WORD} »`).fill(`${WORD}, nurserie`);
		await group().getByLabel('mots proches seulement').check();
		await group()
			.getByRole('button', { name: `Enregistrer le groupe « ${WORD} »` })
			.click();
		// Marked « proches », it moves to the second list.
		await page.getByTestId('proches-list').getByLabel(`Mots du groupe « ${WORD} »`).waitFor();
		expect(await page.getByTestId('proches-list').getByLabel(`Mots du groupe « ${WORD} »`).inputValue()).toBe(`${WORD}, nurserie`);
		expect(await page.getByTestId('synonymes-list').getByLabel(`Mots du groupe « ${WORD} »`).count()).toBe(0);
		expect(await hitNames(page, WORD)).toEqual([]);

		await page.goto('/admin/recherche');
		// Dismissing the confirmation deletes nothing.
		page.once('dialog', (dialog) => void dialog.dismiss());
		await group()
			.getByRole('button', { name: `Supprimer le groupe « ${WORD} »` })
			.click();
		await page.reload();
		expect(await group().count()).toBe(1);
		page.once('dialog', (dialog) => void dialog.accept());
		await group()
			.getByRole('button', { name: `Supprimer le groupe « ${WORD} »` })
			.click();
		expect(await page.getByTestId('synonyms-notice-done').innerText()).toBe('Groupe supprimé.');
		expect(await group().count()).toBe(0);
	});

	it('une personne non connectée est renvoyée vers la connexion', async () => {
		const anonymous = await newPage(browser);
		await anonymous.goto('/admin/recherche');
		expect(new URL(anonymous.url()).pathname).toBe('/connexion');
	});
});
