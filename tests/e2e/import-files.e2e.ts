import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, newPage, screenshot } from './browser';
import { encodeWindows1252 } from '../../src/lib/import/decode';
import { encodingLabels } from '../../src/lib/import/encodings';
import { choosePassword, createAccount } from './sign-in';
import { tiersLieuxSheet } from '../../scripts/lib/tiers-lieux-sheet';
import { OFF_THREAD_BYTES } from '../../src/lib/server/import/read-file-thread';

/*
 * Files as they really come, on the import page: an .ods whose sheet the editor chooses, an Excel
 * « CSV (MS-DOS) » named for what it is, and a file no encoding reads cleanly, which the page refuses to
 * import until the editor has compared the readings and chosen one.
 */

const EMAIL = 'octave.classeurs@exemple.fr';
const FIXTURES = join(import.meta.dirname, '../fixtures/import');
const PHONE = { width: 390, height: 844 };

/** Someone pasted rows saved by Excel (Windows-1252) under a header typed in a UTF-8 editor: « CatÃ©gorie ». */
function mixedFile(): Buffer {
	const header = Buffer.from('Nom;Catégorie;Commune;Code INSEE\r\n', 'utf8');
	const rows = Buffer.from(encodeWindows1252('Atelier Clémentel;Fablab;Clermont-Ferrand;63113\r\nPépinière du Bocal;Pépinière;Vichy;03310\r\n'));
	return Buffer.concat([header, rows]);
}

async function upload(page: Page, name: string, buffer: Buffer, mimeType: string, encoding: string | null = null) {
	await page.goto('/admin/import');
	await page.getByLabel('Fichier à importer').setInputFiles({ name, mimeType, buffer });
	if (encoding) await page.getByLabel("Encodage d'un fichier texte").selectOption(encoding);
	await page.getByRole('button', { name: 'Analyser (essai à blanc)' }).click();
	await page.waitForURL(/\/admin\/import\/\d+$/, { timeout: 30_000 });
	await page.getByTestId('import-summary').waitFor();
}

describe('import de fichiers réels : classeurs et encodages', () => {
	let browser: Browser;
	let page: Page;
	let phoneContext: BrowserContext;
	let phone: Page;

	beforeAll(async () => {
		browser = await launchBrowser();
		page = await newPage(browser);
		await choosePassword(page, createAccount('editor', EMAIL, 'Octave Classeurs'));
		// The same session on a phone: its cookie, not a second sign-in (hashing a password is slow on a busy machine).
		const storageState = await page.context().storageState();
		phoneContext = await browser.newContext({ baseURL: baseUrl(), locale: 'fr-FR', viewport: PHONE, hasTouch: true, isMobile: true, storageState });
		phone = await phoneContext.newPage();
		phone.setDefaultTimeout(15_000);
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('un classeur .ods : la feuille lue, ses en-têtes sous le titre, et le choix d’une autre feuille', async () => {
		await upload(page, 'tiers-lieux.ods', readFileSync(join(FIXTURES, 'tiers-lieux.ods')), 'application/vnd.oasis.opendocument.spreadsheet');
		expect(await page.getByTestId('import-sheet').innerText()).toBe('«\u00a0Lieux 2026\u00a0», en-têtes ligne 2');
		// A workbook has no text encoding to show.
		expect(await page.getByTestId('import-encoding').count()).toBe(0);
		const sheet = page.getByLabel('Feuille du classeur');
		expect(await sheet.locator('option').allInnerTexts()).toEqual(['Lieux 2026 (7 lignes remplies)', 'Archives 2025 (3 lignes remplies)']);
		// The spreadsheet's own row numbers: the header is row 2, and row 6 is blank in the workbook.
		const preview = page.getByTestId('import-preview');
		expect(await preview.locator('tbody tr td:first-child').allInnerTexts()).toEqual(['3', '4', '5', '7', '8']);
		expect(await preview.innerText()).toContain('Atelier Clémentel');
		expect(await preview.innerText()).toContain('03000');
		await screenshot(page, 'import-ods-sheet');

		await sheet.selectOption('Archives 2025');
		await page.getByRole('button', { name: 'Réanalyser' }).click();
		await expect.poll(() => page.getByTestId('import-sheet').innerText()).toBe('«\u00a0Archives 2025\u00a0», en-têtes ligne 1');
		expect(await page.getByTestId('import-summary').innerText()).toMatch(/^2 fiches à créer/);
		expect(await preview.innerText()).toContain('Éclat de Thiers');
		expect(await page.getByLabel('Feuille du classeur').inputValue()).toBe('Archives 2025');

		await phone.goto(new URL(page.url()).pathname);
		await phone.getByLabel('Feuille du classeur').waitFor();
		expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
		await screenshot(phone, 'import-ods-sheet-phone');
	});

	it('un gros fichier (5 000 lignes, Windows-1252) : lu dans un fil à part par le serveur construit, le même rapport', async () => {
		const communes = [
			{ code: '63113', name: 'Clermont-Ferrand', lon: 3.08, lat: 45.78 },
			{ code: '15014', name: 'Aurillac', lon: 2.44, lat: 44.93 },
			{ code: '03310', name: 'Vichy', lon: 3.42, lat: 46.13 }
		];
		const bytes = Buffer.from(encodeWindows1252(tiersLieuxSheet(communes, 5000).text));
		// Above this size the built server reads the file in a worker thread (its own chunk must run there).
		expect(bytes.byteLength).toBeGreaterThan(OFF_THREAD_BYTES);
		await upload(page, 'inventaire-tiers-lieux.csv', bytes, 'text/csv');
		expect(await page.getByTestId('import-summary').innerText()).toMatch(/^5\s?000 fiches à créer/);
		expect(await page.getByTestId('import-encoding').innerText()).toMatch(/^Windows-1252/);
		expect(await page.getByTestId('import-preview').innerText()).toContain('Tiers-lieu 1 de');
	}, 180_000);

	it('un « CSV (MS-DOS) » d’Excel : l’encodage DOS 850 nommé, les accents justes', async () => {
		await upload(page, 'tiers-lieux-ms-dos.csv', readFileSync(join(FIXTURES, 'tiers-lieux-ms-dos-cp850.csv')), 'text/csv');
		expect(await page.getByTestId('import-encoding').innerText()).toBe(encodingLabels.cp850);
		expect(await page.getByTestId('encoding-doubt').count()).toBe(0);
		const preview = await page.getByTestId('import-preview').innerText();
		expect(preview).toContain('Atelier Clémentel');
		expect(preview).toContain('La Forge de Saint-Étienne-sur-Usson');
		expect(preview).not.toMatch(/Cl‚mentel|Cl├/);
		expect(await page.getByRole('button', { name: 'Importer', exact: true }).isDisabled()).toBe(false);
	});

	it('un encodage incertain : les lectures comparées, l’import bloqué, puis l’encodage choisi', async () => {
		await upload(page, 'melange.csv', mixedFile(), 'text/csv');
		expect(await page.getByTestId('import-encoding').innerText()).toMatch(/^Windows-1252 .*\u00a0: incertain, choisissez-le ci-dessous$/);
		const doubt = page.getByTestId('encoding-doubt');
		expect(await doubt.innerText()).toMatch(/Encodage incertain\./);
		// Each reading shows the same lines: the editor sees which one has the right accents.
		const readings = doubt.getByRole('listitem');
		expect(await readings.count()).toBe(2);
		expect(await readings.filter({ hasText: 'Windows-1252' }).innerText()).toContain('Atelier Clémentel;Fablab');
		expect(await readings.filter({ hasText: 'DOS 850' }).innerText()).toContain('Atelier ClÚmentel');
		const importButton = page.getByRole('button', { name: 'Importer', exact: true });
		expect(await importButton.isDisabled()).toBe(true);
		await page.getByText("Encodage incertain : choisissez l'encodage du fichier plus bas").waitFor();
		expect(await page.locator('[data-testid="import-problem"][data-row="1"]').first().innerText()).toMatch(/Encodage incertain/);
		await screenshot(page, 'import-encoding-doubt');
		await phone.goto(new URL(page.url()).pathname);
		await phone.getByTestId('encoding-doubt').waitFor();
		expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
		await screenshot(phone, 'import-encoding-doubt-phone');

		await page.getByLabel('Encodage du fichier').selectOption('windows-1252');
		await page.getByRole('button', { name: 'Réanalyser' }).click();
		await expect.poll(() => page.getByTestId('encoding-doubt').count()).toBe(0);
		expect(await page.getByText('Encodage choisi').count()).toBe(1);
		expect(await page.getByTestId('import-encoding').innerText()).toBe(encodingLabels['windows-1252']);
		expect(await page.getByLabel('Encodage du fichier').inputValue()).toBe('windows-1252');
		expect(await page.getByTestId('import-preview').innerText()).toContain('Pépinière du Bocal');
		await screenshot(page, 'import-encoding-chosen');
	});

	it('l’encodage choisi dès l’envoi du fichier, pour qui le connaît déjà', async () => {
		await upload(page, 'melange.csv', mixedFile(), 'text/csv', 'cp850');
		expect(await page.getByText('Encodage choisi').count()).toBe(1);
		expect(await page.getByTestId('import-encoding').innerText()).toBe(encodingLabels.cp850);
		expect(await page.getByTestId('encoding-doubt').count()).toBe(0);
		expect(await page.getByLabel('Encodage du fichier').inputValue()).toBe('cp850');
	});
});
