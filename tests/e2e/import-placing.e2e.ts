import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot } from './browser';
import { encodeWindows1252 } from '../../src/lib/import/decode';
import { choosePassword, createAccount } from './sign-in';

/*
 * Issue 13, § 2 and 5: a national open-data extract goes in as it is. The report says which rows got their
 * commune from their point (the embedded outlines), from a name as people write it or from a postcode alone, and which were ignored as outside the
 * territory, each with a « voir » link listing those rows; « sans lieu » lets a row with no place in.
 */

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

/** Spreadsheet row = index + 2. */
const ROWS = [
	/* 2 */ 'Coworking du Mont-Dore;Coworking;63240;Le Mont-Dore',
	/* 3 */ "Atelier d'Ardes;Atelier partagé;63420;Ardes sur couze",
	/* 4 */ 'La Grange de Vorey;Tiers-lieu rural;43800;Vorey sur Arzon',
	/* 5 */ 'Le Chalet numérique;Coworking;63240;',
	/* 6 */ 'La Cordée Bellecour;Coworking;69002;Lyon',
	/* 7 */ 'Espace France Services Paris 11;France Services;75011;Paris',
	/* 8 */ 'Les Fabriques du Ponant;Fablab;29200;Brest',
	/* 9 */ 'Fablab Ajaccio;Fablab;20000;Ajaccio',
	/* 10 */ 'Kaz Coworking;Coworking;97400;Saint-Denis',
	/* 11 */ 'Lieu sans adresse;Coworking;;',
	// A scraper's row: only a point, in Saint-Flour; the embedded commune outlines give its commune.
	/* 12 */ 'Tiers-lieu de la Planèze;Tiers-lieu rural;;;45,0339;3,0929'
];
const csv = () =>
	Buffer.from(
		encodeWindows1252(
			['Nom;Catégorie;Code postal;Ville;Latitude;Longitude', ...ROWS.map((r) => (r.split(';').length === 4 ? `${r};;` : r))].join('\r\n') + '\r\n'
		)
	);

const shownRows = (page: Page) => page.getByTestId('import-rows').locator('tbody tr td:first-child').allInnerTexts();

describe('import : lieux trouvés et lignes hors du territoire', () => {
	let browser: Browser;
	let page: Page;

	beforeAll(async () => {
		browser = await launchBrowser();
		page = await newPage(browser);
		await page.setViewportSize(DESKTOP);
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('compte les lignes placées par nom et par code postal, liste les lignes hors du territoire, et « sans lieu » laisse passer la ligne sans lieu', async () => {
		await choosePassword(page, createAccount('editor', 'lea.lieux@exemple.fr', 'Léa Lieux'));
		await page.goto('/admin/import');
		const placeless = page.getByLabel(/Sans lieu\u00a0: accepter les lignes sans commune/);
		expect(await placeless.isChecked()).toBe(false);
		await page.getByLabel('Fichier à importer').setInputFiles({ name: 'tiers-lieux-france.csv', mimeType: 'text/csv', buffer: csv() });
		await page.getByRole('button', { name: 'Analyser (essai à blanc)' }).click();
		await page.waitForURL(/\/admin\/import\/\d+$/, { timeout: 30_000 });
		const reportPath = new URL(page.url()).pathname;

		// The summary of places.
		const placement = page.getByTestId('import-placement');
		await placement.waitFor();
		expect(await page.getByTestId('placement-name').innerText()).toMatch(/^3 lignes placées d’après un nom de commune approché\s+voir$/);
		expect(await page.getByTestId('placement-postcode').innerText()).toMatch(/^1 ligne placée d’après son seul code postal\s+voir$/);
		expect(await page.getByTestId('placement-outside').innerText()).toMatch(/^5 lignes ignorées \(hors du territoire\)\s*: lignes 6, 7, 8, 9 et 10\s+voir$/);
		expect(await page.getByTestId('placement-coordinates').innerText()).toMatch(/^1 ligne placée dans une commune d’après ses coordonnées\s+voir$/);
		// The only error: the row with no place at all, which « sans lieu » would accept.
		const errors = page.locator('[data-testid="import-problem"][data-severity="error"]');
		expect(await errors.count()).toBe(1);
		expect(await errors.first().getAttribute('data-row')).toBe('11');
		expect(await errors.first().innerText()).toContain('choisissez « sans lieu »');
		// Each commune chosen is named in the report.
		const problems = await page.getByTestId('import-problems').innerText();
		expect(problems).toContain('« Le Mont-Dore » lu comme Mont-Dore (63236), la commune du code postal 63240 au nom le plus proche');
		expect(problems).toContain('commune déduite du code postal 63240 : Mont-Dore (63236)');
		expect(problems).not.toMatch(/Lyon|Brest|Ajaccio/);
		expect(problems).toMatch(/commune trouvée d['’]après les coordonnées : Saint-Flour \(15187\)/);

		// « voir »: only the rows read from a name, then only the rows of other territories.
		await page.getByTestId('placement-name').getByRole('link', { name: 'voir' }).click();
		await page.waitForURL(/\?lieu=name/);
		await page.getByTestId('rows-filter').waitFor();
		expect(await page.getByTestId('rows-filter').innerText()).toMatch(/^Seulement les lignes placées d’après un nom de commune approché \(3\)/);
		expect(await shownRows(page)).toEqual(['2', '3', '4']);
		await page.getByRole('heading', { name: /Ce que chaque ligne fera/ }).scrollIntoViewIfNeeded();
		await screenshot(page, 'import-placing-name-desktop');

		await page.getByTestId('placement-outside').getByRole('link', { name: 'voir' }).click();
		await page.waitForURL(/\?lieu=outside/);
		await page.getByText('Seulement les lignes ignorées (hors du territoire) (5)').waitFor();
		expect(await shownRows(page)).toEqual(['6', '7', '8', '9', '10']);
		const rowsText = await page.getByTestId('import-rows').innerText();
		expect(rowsText).toContain('hors du territoire (code postal 69002)');
		expect(rowsText).toContain('hors du territoire (code postal 20000)');

		await page.setViewportSize(PHONE);
		await page.getByTestId('import-placement').scrollIntoViewIfNeeded();
		await screenshot(page, 'import-placing-outside-phone');
		// The two parts this test is about, at phone size, to look at closely.
		await page.getByTestId('import-placement').screenshot({ path: 'test-results/e2e-import-placing-outside-phone-summary.png' });
		await page.getByTestId('import-rows').screenshot({ path: 'test-results/e2e-import-placing-outside-phone-rows.png' });
		// Nothing wider than the phone.
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
		await page.setViewportSize(DESKTOP);

		await page.getByRole('link', { name: 'Voir toutes les lignes' }).first().click();
		await page.waitForURL((url) => !url.search.includes('lieu='));
		expect(await shownRows(page)).toHaveLength(ROWS.length);

		// « sans lieu » chosen on the report: analysed again, the row comes in with a warning.
		await page.getByLabel(/Sans lieu\u00a0: accepter les lignes sans commune/).check();
		await page.getByRole('button', { name: 'Réanalyser' }).click();
		await page.getByTestId('import-notice').waitFor();
		expect(await page.locator('[data-testid="import-problem"][data-severity="error"]').count()).toBe(0);
		expect(await page.locator('[data-testid="import-problem"][data-row="11"]').innerText()).toContain('fiche créée sans lieu');
		expect(await page.getByTestId('import-summary').innerText()).toMatch(/^6 fiches à créer, 0 à mettre à jour, 5 ignorées, 0 en erreur/);
		expect(await page.getByLabel(/Sans lieu\u00a0: accepter les lignes sans commune/).isChecked()).toBe(true);
		expect(new URL(page.url()).pathname).toBe(reportPath);
		await page.getByTestId('import-placement').scrollIntoViewIfNeeded();
		await screenshot(page, 'import-placing-sans-lieu-desktop');
	});
});
