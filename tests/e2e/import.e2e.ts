import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, drawnShare, launchBrowser, newPage, screenshot } from './browser';
import { encodeWindows1252 } from '../../src/lib/import/decode';
import { choosePassword, createAccount } from './sign-in';

const EMAIL = 'ines.import@exemple.fr';

// ---------------------------------------------------------------------------------------------------
// The file: what Excel on Windows writes for « CSV (séparateur : point-virgule) ».

const COMMUNES = [
	{ code: '63113', name: 'Clermont-Ferrand', lon: 3.0863, lat: 45.7797 },
	{ code: '15014', name: 'Aurillac', lon: 2.444, lat: 44.9264 },
	{ code: '43157', name: 'Le Puy-en-Velay', lon: 3.8858, lat: 45.0434 },
	// As a spreadsheet stores it once the column became « nombre »: the leading zero of 03185 is lost.
	{ code: '3185', name: 'Montluçon', lon: 2.603, lat: 46.3404 }
];
const NOUNS = [
	'La Fabrique',
	'L’Atelier',
	'Le Hangar',
	'La Ruche',
	'Le Quai',
	'La Grange',
	'Le Moulin',
	'La Forge',
	'Le Relais',
	'La Cordée',
	'Le Bercail',
	'La Coopérative'
];
const PLACES = [
	'des Volcans',
	'du Sancy',
	'de la Jordanne',
	'des Combrailles',
	'du Livradois',
	'de la Chaîne des Puys',
	'des Monts du Cantal',
	'de l’Allier',
	'du Velay',
	'de la Margeride',
	'des Dores',
	'du Cœur d’Auvergne',
	'de la Sioule',
	'du Forez',
	'des Couzes',
	'de la Cère',
	'du Lioran',
	'de la Truyère',
	'du Mézenc',
	'des Gorges',
	'de la Dordogne',
	'du Bourbonnais',
	'de la Limagne',
	'des Artières',
	'du Plateau'
];
const TYPES = ['Coworking', 'Fablab', 'Tiers-lieu rural', 'Atelier partagé'];

const ROW_UNKNOWN_COMMUNE = 122;
const ROW_BAD_COORDINATES = 252;
/** A type the site does not know: the report offers to choose a category for the word. */
const ROW_CAFE = 60;
const ROW_JAUDE = 7;
const JAUDE = 'Le Comptoir de Jaude';

const decimal = (n: number) => n.toFixed(5).replace('.', ',');
const quoted = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** ~300 fictional tiers-lieux; spreadsheet row = index + 2 (the header is row 1). */
function tiersLieuxCsv(): Buffer {
	const header = ['Nom du tiers-lieu', 'Type', 'Code INSEE', 'Commune', 'Adresse', 'Latitude', 'Longitude', 'Site web', 'Description'];
	const lines = [header.join(';')];
	for (let i = 0; i < 302; i++) {
		const row = i + 2;
		const c = COMMUNES[i % COMMUNES.length]!;
		// 12 × 25 = 300 distinct names; the last two get « bis » (same name in the same commune = a duplicate).
		const name = `${NOUNS[i % NOUNS.length]} ${PLACES[Math.floor(i / NOUNS.length) % PLACES.length]}${i >= 300 ? ' bis' : ''}`;
		// Multi-line cells, a « ; » and doubled quotes inside: what Excel writes for a cell typed with Alt+Entrée.
		const description = quoted(`Espace partagé ; ateliers et bureaux.\r\nOuvert du mardi au samedi, café « "solidaire" » — n° ${row}.`);
		const dx = ((i % 7) - 3) * 0.004;
		const dy = ((i % 5) - 2) * 0.004;
		let cells = [
			name,
			TYPES[i % TYPES.length]!,
			c.code,
			c.name,
			'',
			decimal(c.lat + dy),
			decimal(c.lon + dx),
			`https://tiers-lieu-${row}.exemple.fr`,
			description
		];
		if (row === ROW_JAUDE)
			cells = [JAUDE, 'Coworking', '63113', 'Clermont-Ferrand', '1 Place de Jaude', '', '', 'https://comptoir-jaude.exemple.fr', description];
		if (row === ROW_UNKNOWN_COMMUNE) cells = ['Le Nuage Perché', 'Fablab', '99999', 'Villeneuve-sur-Nuage', '', '', '', '', 'Commune imaginaire'];
		if (row === ROW_BAD_COORDINATES) cells[5] = '44,92,64';
		if (row === ROW_CAFE) cells[1] = 'Café-librairie';
		lines.push(cells.join(';'));
	}
	return Buffer.from(encodeWindows1252(lines.join('\r\n') + '\r\n'));
}

// ---------------------------------------------------------------------------------------------------

/** Holds the next POST to `path` until `release()`: the page's « sending » state can then be looked at. */
async function holdRequest(page: Page, path: string) {
	let release = () => {};
	const gate = new Promise<void>((resolve) => (release = resolve));
	await page.route(`**${path}`, async (route) => {
		await gate;
		await route.continue();
	});
	return { release: async () => (release(), undefined) };
}

/** Records every text the progress box shows, however briefly (a fast analysis passes in a blink). */
async function recordProgress(page: Page) {
	await page.evaluate(() => {
		const seen: string[] = [];
		(window as unknown as { __importSeen: string[] }).__importSeen = seen;
		new MutationObserver(() => {
			const box = document.querySelector('[data-testid="import-progress"]');
			const text = box?.textContent?.replace(/\s+/g, ' ').trim();
			if (text && seen.at(-1) !== text) seen.push(text);
		}).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
	});
}
const progressSeen = (page: Page) => page.evaluate(() => (window as unknown as { __importSeen: string[] }).__importSeen);

async function mapSettled(page: Page) {
	await page.waitForFunction(() => {
		const probe = window.__cartoMap;
		return Boolean(probe?.idle && probe.dataKey !== null && probe.map?.loaded());
	});
}

describe('import de données', () => {
	let browser: Browser;
	let page: Page;

	beforeAll(async () => {
		browser = await launchBrowser();
		page = await newPage(browser);
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('essai à blanc d’un CSV Excel, import, carte, puis annulation', async () => {
		// --- an editor, created by the CLI, sets a password and reaches « Importer » from the header
		await choosePassword(page, createAccount('editor', EMAIL, 'Inès Importatrice'));
		await page.getByTestId('account-menu').getByRole('link', { name: 'Importer' }).click();
		await page.waitForURL('**/admin/import');
		await page.getByRole('heading', { level: 1, name: 'Importer des données' }).waitFor();
		expect(await page.getByLabel("Mode strict : une seule erreur et rien n'est écrit").isChecked()).toBe(true);

		// --- the dry run, with its progress
		await page.getByLabel('Fichier à importer').setInputFiles({ name: 'tiers-lieux-auvergne.csv', mimeType: 'text/csv', buffer: tiersLieuxCsv() });
		await recordProgress(page);
		const upload = await holdRequest(page, '/admin/import/analyse');
		await page.getByRole('button', { name: 'Analyser (essai à blanc)' }).click();
		await page.getByRole('progressbar').waitFor();
		await screenshot(page, 'import-progress');
		await upload.release();
		await page.waitForURL(/\/admin\/import\/\d+$/, { timeout: 30_000 });
		const reportUrl = new URL(page.url()).pathname;
		await page.unroute('**/admin/import/analyse');
		const seen = await progressSeen(page);
		expect(seen[0]).toContain('Envoi du fichier');
		expect(
			seen.some((t) => /Analyse terminée|\d+ \/ \d+ (lignes|adresses)/.test(t)),
			seen.join(' | ')
		).toBe(true);

		// --- the report: encoding, counts, the two errors where the spreadsheet shows them
		await page.getByTestId('import-summary').waitFor();
		expect(await page.getByTestId('import-encoding').innerText()).toMatch(/1252/);
		expect(await page.getByTestId('import-summary').innerText()).toMatch(
			/^299 fiches à créer, 0 à mettre à jour, 0 ignorée, 3 en erreur · \d+ avertissements$/
		);
		// The fake Base Adresse Nationale knows « 1 Place de Jaude »: one address geocoded.
		expect(await page.getByTestId('import-geocoded').innerText()).toBe('1');
		const errors = page.locator('[data-testid="import-problem"][data-severity="error"]');
		expect(await errors.count()).toBe(3);
		const cafe = page.locator(`[data-testid="import-problem"][data-severity="error"][data-row="${ROW_CAFE}"]`);
		expect(await cafe.innerText()).toContain('Café-librairie');
		const unknown = page.locator(`[data-testid="import-problem"][data-severity="error"][data-row="${ROW_UNKNOWN_COMMUNE}"]`);
		expect(await unknown.getAttribute('data-row')).toBe(String(ROW_UNKNOWN_COMMUNE));
		expect(await unknown.locator('td').nth(1).innerText()).toBe('Code INSEE');
		expect(await unknown.innerText()).toContain('Erreur');
		expect(await unknown.innerText()).toMatch(/Commune inconnue.*absent du territoire couvert/);
		const coordinates = page.locator(`[data-testid="import-problem"][data-severity="error"][data-row="${ROW_BAD_COORDINATES}"]`);
		expect(await coordinates.getAttribute('data-row')).toBe(String(ROW_BAD_COORDINATES));
		expect(await coordinates.locator('td').nth(1).innerText()).toBe('Latitude');
		expect(await coordinates.innerText()).toContain('44,92,64');
		// Montluçon's code lost its zero: repaired, with a warning.
		expect(await page.getByTestId('import-problems').innerText()).toContain('réparé en 03185');
		// The multi-line cell is read as one cell: the preview shows its second line in the same row.
		expect(await page.getByTestId('import-preview').innerText()).toContain('Ouvert du mardi au samedi, café « "solidaire" »');
		const importButton = page.getByRole('button', { name: 'Importer', exact: true });
		expect(await importButton.isDisabled()).toBe(true);
		await page.getByText('Mode strict : 3 lignes en erreur').waitFor();
		await screenshot(page, 'import-report');

		// The stream endpoints refuse another site's request, even with the session cookie.
		const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
		const forged = await fetch(`${baseUrl()}${reportUrl}/commit`, { method: 'POST', headers: { cookie, origin: 'https://pirate.example' } });
		expect(forged.status).toBe(403);
		expect(forged.headers.get('cache-control')).toBe('no-store');

		// --- « Café-librairie » becomes a coworking space; not strict: the two other rows are left aside
		expect(await page.getByTestId('unknown-values').innerText()).toMatch(/«\u00a0Café-librairie\u00a0»\s+1 ligne \(60\)/);
		await page.getByLabel('« Café-librairie »').selectOption('coworking');
		await page.getByLabel("Mode strict : une seule erreur et rien n'est écrit").uncheck();
		await page.getByRole('button', { name: 'Réanalyser' }).click();
		await page.getByText('en mode souple').waitFor();
		await expect.poll(() => page.getByTestId('import-summary').innerText()).toMatch(/^300 fiches à créer, 0 à mettre à jour, 0 ignorée, 2 en erreur/);
		expect(await page.getByTestId('unknown-values').innerText()).toContain('catégorie choisie');
		await expect.poll(() => importButton.isDisabled()).toBe(false);

		await recordProgress(page);
		const commit = await holdRequest(page, '/commit');
		await importButton.click();
		await page.getByRole('progressbar').waitFor();
		await commit.release();
		await page.getByTestId('import-committed').waitFor({ timeout: 30_000 });
		await page.unroute('**/commit');
		expect(await page.getByTestId('import-notice').count()).toBe(0);
		expect(await page.getByTestId('import-committed').innerText()).toMatch(/^Importé le .+ par Inès Importatrice\.$/);
		expect(await page.getByTestId('import-summary').innerText()).toMatch(/^300 fiches créées, 0 mise à jour, 0 ignorée, 2 en erreur/);
		expect((await progressSeen(page)).some((t) => /Import terminé|Écriture/.test(t))).toBe(true);
		await screenshot(page, 'import-done');

		// --- the imported actor: its page, and the map filtered on its name
		const href = await page.getByTestId('import-rows').getByRole('link', { name: JAUDE }).getAttribute('href');
		expect(href).toMatch(/^\/acteurs\/[a-z0-9-]+$/);
		const portrait = await page.goto(href!);
		expect(portrait?.status()).toBe(200);
		await page.getByRole('heading', { level: 1, name: JAUDE }).waitFor();
		expect(await page.getByRole('navigation', { name: "Fil d'Ariane" }).innerText()).toContain('Clermont-Ferrand');
		// Its history says it came from this import, and links back to it for the editor.
		await page.goto(`${href}/historique`);
		expect(await page.locator('.reason').first().innerText()).toContain('Import n°');
		expect(await page.getByRole('link', { name: "voir l'import" }).first().getAttribute('href')).toBe(reportUrl);

		await page.goto(`/carte?q=${encodeURIComponent(JAUDE)}`);
		await mapSettled(page);
		expect(await page.getByTestId('map-count').innerText()).toMatch(/^1\s/);
		const drawn = await drawnShare(page, '[data-testid="map"] canvas');
		expect(drawn).toBeGreaterThan(0.05);

		// --- undo the whole import: the actor is gone
		await page.goto(reportUrl);
		await page.getByTestId('import-committed').waitFor();
		await page.getByLabel("Raison de l'annulation (facultatif)").fill('essai de bout en bout');
		page.once('dialog', (dialog) => void dialog.accept());
		await page.getByRole('button', { name: 'Annuler cet import' }).click();
		await page.getByTestId('import-undone').waitFor({ timeout: 30_000 });
		expect(await page.getByTestId('import-undone').innerText()).toMatch(/^Annulé le .+ par Inès Importatrice\.$/);
		const gone = await page.goto(href!);
		const goneText = await page.locator('body').innerText();
		expect((gone?.status() ?? 200) >= 400 || /supprimée/i.test(goneText), `statut ${gone?.status()} : ${goneText.slice(0, 200)}`).toBe(true);

		// --- the history lists it as undone
		await page.goto('/admin/import');
		expect(await page.getByTestId('import-history-row').first().innerText()).toContain('annulé');
	});
});
