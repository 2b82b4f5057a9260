import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, drawnShare, launchBrowser, newPage, screenshot } from './browser';

/** The route map is idle with the markers of the route shown on the page (window hook set by RouteLayer). */
async function routeMapSettled(page: Page) {
	await page.waitForFunction(() => {
		const probe = window.__cartoRoute;
		return Boolean(probe?.idle && probe.key !== null && probe.markers > 0 && probe.map?.loaded());
	});
}

/** Step titles and, for each, its structures in their ranked order: what « the same route » means. */
async function routeOf(page: Page): Promise<{ title: string; names: string[] }[]> {
	const steps = page.getByTestId('route-step');
	const out: { title: string; names: string[] }[] = [];
	for (let i = 0; i < (await steps.count()); i++) {
		const step = steps.nth(i);
		out.push({ title: (await step.getByRole('heading', { level: 3 }).innerText()).trim(), names: await step.getByTestId('option-name').allInnerTexts() });
	}
	return out;
}

describe('trouver mon parcours', () => {
	let browser: Browser;
	let page: Page;
	let routeUrl = '';
	let firstRoute: { title: string; names: string[] }[] = [];

	beforeAll(async () => {
		browser = await launchBrowser();
		page = await newPage(browser);
		await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('une commune du Cantal choisie dans les suggestions, un stade, un besoin : un parcours en étapes, sur la carte', async () => {
		await page.goto('/parcours');
		await screenshot(page, 'finder-form');
		const form = page.getByTestId('finder-form');
		const commune = form.getByRole('combobox', { name: 'Votre commune' });
		await commune.pressSequentially('Saint-Fl', { delay: 40 });
		const suggestion = page.getByRole('option', { name: /^Saint-Flour\b.*\(15\)/ });
		await suggestion.click();
		await form.getByRole('radio', { name: /^Création/ }).check();
		await form.getByRole('checkbox', { name: 'Financement' }).check();
		await form.getByRole('button', { name: 'Proposer un parcours' }).click();

		await page.waitForURL((url) => url.pathname === '/parcours' && url.searchParams.get('commune') === '15187');
		const url = new URL(page.url());
		expect(url.searchParams.get('stage')).toBe('creation');
		expect(url.searchParams.getAll('need')).toEqual(['funding']);
		await expect.poll(() => page.getByRole('heading', { level: 2, name: /Votre parcours depuis Saint-Flour/ }).count()).toBe(1);
		// The answers fold away and the route's title takes the focus (read out, scrolled into view).
		await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('route-title');

		const steps = page.getByTestId('route-step');
		expect(await steps.count()).toBeGreaterThanOrEqual(2);
		for (let i = 0; i < (await steps.count()); i++) {
			const options = steps.nth(i).getByTestId('route-option');
			expect(await options.count()).toBeGreaterThanOrEqual(1);
			const distances = await steps.nth(i).getByTestId('option-distance').allInnerTexts();
			// As precise as the two points allow (issue 12): « ≈ 12 km », « moins de 30 km », « hors rayon (≈ 74 km) »…
			for (const d of distances) expect(d).toMatch(/^((≈\s)?\d+(,\d)?\s?km|moins de \d+\s?km|dans la même (commune|intercommunalité)|hors rayon \(.+\))$/);
			// Every option explains itself and links to its portrait.
			const first = options.first();
			expect(await first.getByText('Pourquoi cette proposition ?').count()).toBe(1);
			expect(await first.getByTestId('option-name').getAttribute('href')).toMatch(/^\/acteurs\/[a-z0-9-]+$/);
			expect(await first.getByRole('list', { name: 'Détail du score' }).getByRole('listitem').count()).toBeGreaterThanOrEqual(3);
		}
		// « Rien à moins de N km » whenever a step has to look further away.
		for (const far of await page.getByTestId('nothing-near').allInnerTexts()) expect(far).toMatch(/^Rien à moins de \d+ km/);

		await routeMapSettled(page);
		expect(await drawnShare(page, '[data-testid="route-map"] canvas')).toBeGreaterThan(0.1);
		const markers = page.getByTestId('route-marker');
		const numbers = new Set(await markers.allInnerTexts());
		expect(numbers.size).toBeGreaterThanOrEqual(2);
		for (const n of numbers) expect(n).toMatch(/^\d$/);
		expect(await page.getByTestId('route-origin').getAttribute('aria-label')).toBe('Départ\u00a0: Saint-Flour');
		// The map is fitted: every marker's anchor lies inside the map.
		const box = await page.getByTestId('route-map').boundingBox();
		for (const marker of await markers.all()) {
			const m = await marker.boundingBox();
			expect(
				m &&
					box &&
					m.x + m.width / 2 >= box.x &&
					m.x + m.width / 2 <= box.x + box.width &&
					m.y + m.height / 2 >= box.y &&
					m.y + m.height / 2 <= box.y + box.height
			).toBe(true);
		}

		// The address is visible and « Partager ce parcours » copies it.
		routeUrl = page.url();
		expect(await page.getByTestId('route-url').innerText()).toBe(routeUrl);
		await page.getByRole('button', { name: 'Partager ce parcours' }).click();
		await page.getByRole('status').filter({ hasText: 'Adresse copiée' }).waitFor();
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(routeUrl);

		firstRoute = await routeOf(page);
		await screenshot(page, 'finder-route');
		await page.emulateMedia({ media: 'print' });
		await screenshot(page, 'finder-print');
		expect(await page.getByRole('navigation', { name: 'Navigation principale' }).isVisible()).toBe(false);
		expect(await page.getByTestId('route-url').isVisible()).toBe(true);
		await page.emulateMedia({ media: 'screen' });
	});

	it("l'adresse partagée, ouverte dans une nouvelle page, redonne le même parcours", async () => {
		expect(routeUrl).not.toBe('');
		const other = await newPage(browser);
		await other.goto(routeUrl);
		expect(await routeOf(other)).toEqual(firstRoute);
		await routeMapSettled(other);
		expect(await other.getByTestId('route-marker').count()).toBeGreaterThan(0);
		await other.context().close();
		// On a phone too: the route map (a <MapView> with its route layer) is drawn, not an empty frame.
		const context = await browser.newContext({ baseURL: baseUrl(), locale: 'fr-FR', viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
		const phone = await context.newPage();
		await phone.goto(routeUrl);
		await routeMapSettled(phone);
		expect(await drawnShare(phone, '[data-testid="route-map"] canvas')).toBeGreaterThan(0.1);
		await phone.getByTestId('route-map').scrollIntoViewIfNeeded();
		await phone.screenshot({ path: 'test-results/e2e-finder-route-phone.png' });
		await context.close();
	});

	it('sans commune, un message en français à côté du formulaire', async () => {
		await page.goto('/parcours');
		const form = page.getByTestId('finder-form');
		await form.getByRole('radio', { name: /^Développement/ }).check();
		await form.getByRole('button', { name: 'Proposer un parcours' }).click();
		await page.waitForURL((url) => url.searchParams.get('stage') === 'development');
		const alert = page.getByTestId('finder-issues');
		await alert.waitFor();
		expect(await alert.getAttribute('role')).toBe('alert');
		expect(await alert.innerText()).toContain('Indiquez votre commune');
		// The other answers are kept.
		expect(await form.getByRole('radio', { name: /^Développement/ }).isChecked()).toBe(true);
		expect(await page.getByTestId('route-step').count()).toBe(0);
		await screenshot(page, 'finder-missing-commune');
	});

	it('sans JavaScript : le nom de la commune tapé en toutes lettres suffit', async () => {
		const context = await browser.newContext({ baseURL: baseUrl(), locale: 'fr-FR', viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
		const plain = await context.newPage();
		await plain.goto('/parcours');
		await plain.getByLabel('Votre commune').fill('Aurillac');
		await plain.getByRole('checkbox', { name: 'Hébergement' }).check();
		await plain.getByRole('button', { name: 'Proposer un parcours' }).click();
		// The server resolves the name and answers on the canonical address (INSEE code).
		await plain.waitForURL((url) => url.searchParams.get('commune') === '15014');
		expect(await plain.getByRole('heading', { level: 2, name: /Votre parcours depuis Aurillac/ }).count()).toBe(1);
		expect(await plain.getByTestId('route-step').count()).toBeGreaterThanOrEqual(2);

		// A name that matches nothing: a message, not an error page.
		await plain.goto('/parcours?stage=creation&commune=Xyzzyville');
		expect(await plain.getByTestId('finder-issues').innerText()).toContain('«\u00a0Xyzzyville\u00a0»');
		await context.close();
	});
});
