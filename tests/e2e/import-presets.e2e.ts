import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot } from './browser';
import { choosePassword, createAccount } from './sign-in';

/*
 * An editor with the ANCT « lieux de médiation numérique » file of a regional hub: picks the format in one
 * click, asks to leave out the kinds of place the directory does not list, and reads the report. A dry run
 * only: nothing is written, so the other browser tests see the same directory.
 */

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
const ANCT = readFileSync('tests/fixtures/import/anct-mediation-numerique.csv');

describe('import : formats connus et catégories ignorées', () => {
	let browser: Browser;
	let page: Page;

	beforeAll(async () => {
		browser = await launchBrowser();
		page = await newPage(browser);
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('le format ANCT en un clic, « ignorer ces catégories », et le rapport qui les compte à part', async () => {
		await choosePassword(page, createAccount('editor', 'paul.presets@exemple.fr', 'Paul Préréglages'));
		await page.goto('/admin/import');
		await page.getByRole('heading', { level: 1, name: 'Importer des données' }).waitFor();

		// The choices a person sees: recognise by name (checked), then the known formats.
		const formats = page.getByRole('group', { name: 'Format du fichier' });
		const labels = await formats
			.getByRole('radio')
			.evaluateAll((radios) => radios.map((r) => (r.closest('label')?.querySelector('strong')?.textContent ?? '').trim()));
		expect(labels).toEqual([
			"Reconnaître les colonnes d'après leur nom",
			'Export de Connecteur Carto',
			'Export fablabs.io',
			'Export GoGoCarto',
			'Lieux de médiation numérique (schéma ANCT)'
		]);
		expect(await formats.getByRole('radio', { name: /Reconnaître les colonnes/ }).isChecked()).toBe(true);
		// The recognised column names, from the importer's own table.
		await page.getByText('Noms de colonnes reconnus').click();
		expect(await page.getByTestId('recognised-columns').innerText()).toMatch(
			/Code postal\s+code_postal, cp, postcode, code_postale, postal_code, postalcode, zip/
		);
		await page.getByText('Noms de colonnes reconnus').click();

		// One click on the format, one on « ignorer ces catégories ».
		await formats.getByText('Lieux de médiation numérique (schéma ANCT)').click();
		expect(await formats.getByRole('radio', { name: /schéma ANCT/ }).isChecked()).toBe(true);
		const skip = page.getByRole('checkbox', { name: /Ignorer ces catégories/ });
		expect(await skip.isChecked()).toBe(false);
		await skip.check();
		await page.getByLabel('Fichier à importer').setInputFiles({ name: 'lieux-mediation-numerique-auvergne.csv', mimeType: 'text/csv', buffer: ANCT });
		await screenshot(page, 'import-presets-choice');
		await page.setViewportSize(PHONE);
		await screenshot(page, 'import-presets-choice-phone');
		const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
		expect(scrollWidth).toBeLessThanOrEqual(PHONE.width);
		await page.setViewportSize(DESKTOP);

		await page.getByRole('button', { name: 'Analyser (essai à blanc)' }).click();
		await page.waitForURL(/\/admin\/import\/\d+$/, { timeout: 30_000 });
		await page.getByTestId('import-summary').waitFor();

		// The report: the format, the rows skipped by category (a library, France Services, nine Maisons des solidarités).
		expect(await page.getByTestId('import-preset').innerText()).toBe('Lieux de médiation numérique (schéma ANCT)');
		expect(await page.getByTestId('import-skipped-category').innerText()).toBe("11 (types de lieu que l'annuaire ne répertorie pas)");
		expect(await page.getByTestId('import-summary').innerText()).toMatch(/ 0 en erreur /);
		const rows = await page.getByTestId('import-rows').innerText();
		expect(rows).toContain('catégorie ignorée : BIB');
		expect(rows).toContain('catégorie ignorée : FRANCE_SERVICES');
		// The near-duplicate names the other row.
		const twin = page.locator('[data-testid="import-problem"][data-row="15"]');
		expect(await twin.innerText()).toContain('même fiche que la ligne 2 (nom proche de « Fablab de la Limagne » dans la même commune)');
		expect(await page.locator('[data-testid="import-problem"][data-row="17"]').innerText()).toContain('même fiche que la ligne 16');
		await screenshot(page, 'import-presets-report');
		await page.setViewportSize(PHONE);
		await screenshot(page, 'import-presets-report-phone');
		// The summary alone at phone size, where the new facts sit.
		await page.getByRole('region', { name: 'Résumé' }).screenshot({ path: 'test-results/e2e-import-presets-summary-phone.png' });
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
		await page.setViewportSize(DESKTOP);

		// The same choice on the report: unticked, those rows are errors that say what to do; the format stays.
		const again = page.getByRole('checkbox', { name: /Ignorer ces catégories/ });
		expect(await again.isChecked()).toBe(true);
		await again.uncheck();
		await page.getByRole('button', { name: 'Réanalyser' }).click();
		await expect.poll(() => page.getByTestId('import-skipped-category').innerText()).toBe('0');
		expect(await page.getByTestId('import-summary').innerText()).toMatch(/ 11 en erreur /);
		expect(await page.getByTestId('import-preset').innerText()).toBe('Lieux de médiation numérique (schéma ANCT)');
		expect(await page.locator('[data-testid="import-problem"][data-row="4"]').innerText()).toContain(
			"« BIB » : l'annuaire ne répertorie pas ce type de lieu ; cochez « ignorer ces catégories »"
		);
		await screenshot(page, 'import-presets-unticked');
	});
});
