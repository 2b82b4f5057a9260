import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, drawnShare, launchBrowser, newPage, screenshot } from './browser';

/*
 * Issue 12, two blockers seen by a newcomer: a postcode picked the wrong town (43200 is Yssingeaux's postcode
 * and Saint-Julien-Chapteuil's INSEE code), and distances said more than their points know (from
 * Saint-Geneys-près-Saint-Paulien, placed at Le Puy-en-Velay, a Le Puy structure read « 0,2 km »).
 * Since the embedded official outlines (issue 13) Saint-Geneys has its own point; Celles (15031, restored in
 * 2024, no 2018 outline) is one of the four communes still placed at their intercommunality's seat.
 */

const PHONE = { width: 390, height: 844 };

async function phonePage(browser: Browser, javaScriptEnabled = true): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext({ baseURL: baseUrl(), locale: 'fr-FR', viewport: PHONE, hasTouch: true, isMobile: true, javaScriptEnabled });
	const page = await context.newPage();
	page.setDefaultTimeout(15_000);
	return { context, page };
}

async function routeMapSettled(page: Page) {
	await page.waitForFunction(() => {
		const probe = window.__cartoRoute;
		return Boolean(probe?.idle && probe.key !== null && probe.markers > 0 && probe.map?.loaded());
	});
}

async function mapSettled(page: Page) {
	await page.waitForFunction(() => {
		const probe = window.__cartoMap;
		return Boolean(probe?.idle && probe.dataKey !== null && probe.map?.loaded());
	});
}

/** Every distance figure with a decimal shown in an element (« 0,2 km »). */
const tenths = async (page: Page, testid: string) => (await page.getByTestId(testid).innerText()).match(/\d+,\d\s?km/g) ?? [];

/** No page scrolls sideways. */
const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('codes postaux', () => {
	let browser: Browser;
	let page: Page;
	beforeAll(async () => {
		browser = await launchBrowser();
		page = await newPage(browser);
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('43200 dans le parcours : Yssingeaux en tête (« code postal 43200 »), l’homonyme INSEE à part, et le parcours part bien d’Yssingeaux', async () => {
		await page.goto('/parcours');
		const form = page.getByTestId('finder-form');
		expect(await form.getByText('code INSEE').count()).toBe(0);
		await form.getByRole('combobox', { name: 'Votre commune' }).pressSequentially('43200', { delay: 40 });
		const options = page.getByRole('listbox', { name: 'Communes' }).getByRole('option');
		await options.first().getByText('code postal 43200').waitFor();
		const texts = await options.allInnerTexts();
		expect(texts[0]).toMatch(/^Yssingeaux \(43\)\s+code postal 43200$/);
		expect(texts.filter((t) => t.includes('code postal 43200'))).toHaveLength(10);
		// The INSEE homonym comes after the postcode's communes, labelled as such.
		expect(texts.at(-1)).toMatch(/^Saint-Julien-Chapteuil \(43\)\s+code INSEE 43200$/);
		await screenshot(page, 'communes-postcode-suggestions');

		await options.first().click();
		expect(await page.getByTestId('commune-match').innerText()).toBe('Yssingeaux\u00a0: code postal 43200');
		await form.getByRole('button', { name: 'Proposer un parcours' }).click();
		await page.waitForURL((url) => url.searchParams.get('commune') === '43268');
		await page.getByRole('heading', { level: 2, name: /Votre parcours depuis Yssingeaux \(43\)/ }).waitFor();
		expect(await page.getByTestId('route-recap').innerText()).toContain('Commune\u00a0: Yssingeaux (code postal 43200)');
		expect(await page.getByTestId('route-origin').getAttribute('aria-label')).toBe('Départ\u00a0: Yssingeaux');
		await routeMapSettled(page);
		await screenshot(page, 'communes-postcode-route');
	});

	it('43500 trouve ses dix communes (Craponne-sur-Arzon d’abord)', async () => {
		await page.goto('/parcours');
		await page.getByRole('combobox', { name: 'Votre commune' }).pressSequentially('43500', { delay: 40 });
		const options = page.getByRole('listbox', { name: 'Communes' }).getByRole('option');
		await options.first().getByText('code postal 43500').waitFor();
		const texts = await options.allInnerTexts();
		expect(texts[0]).toMatch(/^Craponne-sur-Arzon \(43\)/);
		expect(texts.filter((t) => t.endsWith('code postal 43500'))).toHaveLength(10);
	});

	it('sans JavaScript : 43200 propose de choisir (code postal d’abord, code INSEE ensuite), puis part de la commune choisie', async () => {
		const context = await browser.newContext({ baseURL: baseUrl(), locale: 'fr-FR', viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
		const plain = await context.newPage();
		await plain.goto('/parcours');
		expect(await plain.getByText(/Son nom ou son code postal/).count()).toBe(1);
		await plain.getByLabel('Votre commune').fill('43200');
		await plain.getByRole('button', { name: 'Proposer un parcours' }).click();
		const issues = plain.getByTestId('finder-issues');
		expect(await issues.innerText()).toContain('11 communes répondent au code 43200\u00a0: choisissez la vôtre dans la liste.');
		const choices = issues.getByRole('list', { name: 'Communes possibles' }).getByRole('listitem');
		expect(await choices.count()).toBe(11);
		expect(await choices.first().innerText()).toBe('Yssingeaux (43) · code postal 43200');
		expect(await choices.last().innerText()).toBe('Saint-Julien-Chapteuil (43) · code INSEE 43200');
		expect(await plain.getByTestId('route-step').count()).toBe(0);
		await screenshot(plain, 'communes-postcode-nojs-choices');
		await choices.first().getByRole('link').click();
		await plain.waitForURL((url) => url.searchParams.get('commune') === '43268');
		expect(await plain.getByRole('heading', { level: 2, name: /Votre parcours depuis Yssingeaux/ }).count()).toBe(1);
		expect(await plain.getByTestId('route-recap').innerText()).toContain('(code postal 43200)');

		// A postcode of one commune, and a full name, go straight to the route.
		await plain.goto('/parcours');
		await plain.getByLabel('Votre commune').fill('63000');
		await plain.getByRole('button', { name: 'Proposer un parcours' }).click();
		await plain.waitForURL((url) => url.searchParams.get('commune') === '63113');
		expect(await plain.getByRole('heading', { level: 2, name: /Votre parcours depuis Clermont-Ferrand/ }).count()).toBe(1);
		await context.close();
	});

	it('sur téléphone, les suggestions tiennent dans l’écran', async () => {
		const { context, page: phone } = await phonePage(browser);
		await phone.goto('/parcours');
		await phone.getByRole('combobox', { name: 'Votre commune' }).pressSequentially('43200', { delay: 40 });
		await phone.getByRole('option').first().getByText('code postal 43200').waitFor();
		expect(await sideways(phone)).toBeLessThanOrEqual(0);
		await phone.screenshot({ path: 'test-results/e2e-communes-postcode-phone.png' });
		await context.close();
	});

	it('le champ commune des filtres accepte un code postal et dit ce qu’il a trouvé ; sans JavaScript aussi', async () => {
		await page.goto('/acteurs');
		const field = page.getByRole('combobox', { name: 'Commune (nom, code postal ou code INSEE)' });
		await field.fill('63000');
		await page.getByRole('button', { name: 'Appliquer les filtres' }).click();
		await page.waitForURL((url) => url.searchParams.get('territory') === '63113');
		const status = () => page.getByTestId('filter-commune').getByRole('status').innerText();
		await expect.poll(status).toContain('Commune\u00a0: Clermont-Ferrand (63), code postal 63000');
		const count = Number((await page.getByTestId('result-count').innerText()).match(/\d+/)?.[0]);
		expect(count).toBeGreaterThan(10);

		await field.fill('43200');
		await page.getByRole('button', { name: 'Appliquer les filtres' }).click();
		const choices = page.getByTestId('filter-commune').getByRole('list', { name: 'Communes possibles' });
		await choices.waitFor();
		await expect.poll(status).toContain('11 communes répondent au code 43200');
		await choices.getByRole('button', { name: 'Yssingeaux (43)' }).click();
		await page.getByRole('button', { name: 'Appliquer les filtres' }).click();
		await page.waitForURL((url) => url.searchParams.get('territory') === '43268');
		await expect.poll(status).toContain('Yssingeaux (43), code postal 43200');
		await screenshot(page, 'communes-filter-postcode');

		const context = await browser.newContext({ baseURL: baseUrl(), locale: 'fr-FR', javaScriptEnabled: false });
		const plain = await context.newPage();
		await plain.goto('/acteurs');
		await plain.getByLabel('Commune (nom, code postal ou code INSEE)').fill('43200');
		await plain.getByRole('button', { name: 'Appliquer les filtres' }).click();
		const links = plain.getByTestId('filter-commune').getByRole('list', { name: 'Communes possibles' }).getByRole('link');
		// Without JavaScript the click loads a new page: wait for its list before counting.
		await links.first().waitFor();
		expect(await links.count()).toBe(11);
		await links.first().click();
		await plain.waitForURL((url) => url.searchParams.get('territory') === '43268');
		expect(await plain.getByTestId('filter-commune').getByRole('status').innerText()).toContain('Yssingeaux (43), code postal 43200');
		await context.close();
	});
});

describe('distances honnêtes', () => {
	let browser: Browser;
	let page: Page;
	beforeAll(async () => {
		browser = await launchBrowser();
		page = await newPage(browser);
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('depuis Celles, placée au chef-lieu de son intercommunalité : pas de dixième, le ≈ et la note sont visibles', async () => {
		await page.goto('/parcours?stage=creation&commune=15031');
		await page.getByRole('heading', { level: 2, name: /Votre parcours depuis Celles/ }).waitFor();
		const note = page.getByTestId('distance-note');
		expect(await note.innerText()).toContain("Distances mesurées depuis le chef-lieu de l'intercommunalité");
		expect(await note.isVisible()).toBe(true);
		expect(await tenths(page, 'route-chain')).toEqual([]);
		const distances = await page.getByTestId('option-distance').allInnerTexts();
		expect(distances.length).toBeGreaterThan(5);
		for (const d of distances) expect(d).toMatch(/^(≈\s\d+\skm|moins de \d+\skm|dans la même (commune|intercommunalité)|hors rayon \(.+\))$/);
		// Options in score order within each step.
		const steps = page.getByTestId('route-step');
		for (let i = 0; i < (await steps.count()); i++) {
			const scores = (
				await steps
					.nth(i)
					.getByText(/^\d+ \/ 100 pts$/)
					.allInnerTexts()
			).map((t) => Number(t.split(' ')[0]));
			expect(scores).toEqual([...scores].sort((a, b) => b - a));
		}
		await routeMapSettled(page);
		expect(await drawnShare(page, '[data-testid="route-map"] canvas')).toBeGreaterThan(0.1);
		expect(await page.getByTestId('route-origin').getAttribute('aria-label')).toBe(
			'Départ\u00a0: Celles (position approchée\u00a0: chef-lieu de son intercommunalité)'
		);
		const labels = await page.getByTestId('route-marker').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
		for (const l of labels) expect(l).not.toMatch(/\d,\d\s?km/);
		await screenshot(page, 'communes-honest-route');

		// Saint-Geneys-près-Saint-Paulien has its own point now (its outline): no « même intercommunalité » any more.
		await page.goto('/parcours?stage=creation&commune=43187');
		await page.getByRole('heading', { level: 2, name: /Votre parcours depuis Saint-Geneys-près-Saint-Paulien/ }).waitFor();
		expect(await page.getByTestId('distance-note').innerText()).toContain('Distances mesurées depuis le centre de Saint-Geneys-près-Saint-Paulien');
		expect(await page.getByTestId('option-distance').allInnerTexts()).not.toContain('dans la même intercommunalité');
		expect(await page.getByTestId('route-origin').getAttribute('aria-label')).not.toContain('chef-lieu');

		const { context, page: phone } = await phonePage(browser);
		await phone.goto('/parcours?stage=creation&commune=15031');
		await phone.getByTestId('distance-note').waitFor();
		await routeMapSettled(phone);
		await phone.screenshot({ path: 'test-results/e2e-communes-honest-route-phone.png', fullPage: true });
		await context.close();
	});

	it('au-delà du rayon : « hors rayon (≈ … km) »', async () => {
		// From Montluçon, creating a project finds some steps' best options beyond 60 km: they say so.
		await page.goto('/parcours?stage=creation&commune=03185');
		await page.getByTestId('route-step').first().waitFor();
		const beyond = await page.getByTestId('option-distance').filter({ hasText: 'hors rayon' }).allInnerTexts();
		expect(beyond.length).toBeGreaterThan(0);
		for (const b of beyond) expect(b).toMatch(/^hors rayon \(≈\s\d+\skm\)$/);
	});

	it('la recherche autour d’une commune : un nom tapé en entier suffit, un code postal partagé demande de choisir, et les distances disent leur précision', async () => {
		await page.goto('/carte');
		await mapSettled(page);
		const search = page.getByTestId('nearby-search');
		const commune = search.getByRole('combobox', { name: 'Commune', exact: true });
		const button = search.getByRole('button', { name: 'Chercher' });
		const reason = search.getByTestId('nearby-reason');
		// Nothing typed: disabled, and it says why.
		expect(await button.isDisabled()).toBe(true);
		expect(await reason.innerText()).toBe('Tapez le nom ou le code postal d’une commune.');
		expect(await button.getAttribute('aria-describedby')).toBe('nearby-reason');

		await commune.pressSequentially('43200', { delay: 30 });
		await expect.poll(() => reason.innerText()).toBe('11 communes répondent au code 43200\u00a0: choisissez la vôtre dans la liste.');
		expect(await button.isDisabled()).toBe(true);
		await screenshot(page, 'communes-nearby-disabled');

		await commune.fill('');
		await commune.pressSequentially('Saint-Geneys-près-Saint-Paulien', { delay: 10 });
		await expect.poll(() => reason.innerText()).toBe('Autour de Saint-Geneys-près-Saint-Paulien (43)');
		await commune.press('Escape');
		expect(await button.isDisabled()).toBe(false);
		await button.click();
		await page.waitForURL((url) => url.searchParams.get('near') === '43187');
		const list = page.getByTestId('nearby-list');
		await list.getByTestId('nearby-distance').first().waitFor();
		// Its own point now (its outline), measured to 2 km: figures in whole kilometres, with « ≈ ».
		expect(await page.getByTestId('nearby-note').innerText()).toContain('centre de Saint-Geneys-près-Saint-Paulien');
		const shown = await list.getByTestId('nearby-distance').allInnerTexts();
		for (const d of shown) expect(d).not.toMatch(/\d,\d/);
		expect(shown[0]).toMatch(/^≈\s\d+\skm$/);
		await mapSettled(page);
		await screenshot(page, 'communes-nearby-approx');

		// A postcode of one commune, typed without picking, works too.
		await commune.fill('');
		await commune.pressSequentially('63000', { delay: 30 });
		await expect.poll(() => reason.innerText()).toBe('Autour de Clermont-Ferrand (63) · code postal 63000');
		await commune.press('Escape');
		await button.click();
		await page.waitForURL((url) => url.searchParams.get('near') === '63113');
		await expect.poll(() => page.getByRole('heading', { name: /À moins de 20 km de Clermont-Ferrand/ }).count()).toBe(1);
	});

	it('sur la carte, le champ commune des filtres s’applique aussitôt avec un code postal', async () => {
		await page.goto('/carte');
		await mapSettled(page);
		const before = Number((await page.getByTestId('map-count').innerText()).replace(/\s/g, '').match(/^(\d+)/)?.[1]);
		const field = page.getByRole('combobox', { name: 'Commune (nom, code postal ou code INSEE)' });
		await field.pressSequentially('63000', { delay: 30 });
		await page.getByRole('option', { name: /^Clermont-Ferrand \(63\)\s+code postal 63000$/ }).waitFor();
		await field.press('Enter');
		await page.waitForURL((url) => url.searchParams.get('territory') === '63113');
		await mapSettled(page);
		const after = Number((await page.getByTestId('map-count').innerText()).replace(/\s/g, '').match(/^(\d+)/)?.[1]);
		expect(after).toBeGreaterThan(0);
		expect(after).toBeLessThan(before);
		expect(await page.getByTestId('filter-commune').getByRole('status').innerText()).toContain('Clermont-Ferrand (63), code postal 63000');
	});

	it('sur téléphone, la recherche autour d’une commune et sa liste restent dans l’écran', async () => {
		const { context, page: phone } = await phonePage(browser);
		await phone.goto('/carte?near=43187&radius=20');
		await mapSettled(phone);
		await phone.getByTestId('nearby-note').waitFor();
		expect(await sideways(phone)).toBeLessThanOrEqual(0);
		await phone.screenshot({ path: 'test-results/e2e-communes-nearby-phone.png', fullPage: true });
		await context.close();
	});

	it('la page d’une commune mène au parcours prérempli et à la carte centrée sur elle', async () => {
		await page.goto('/territoires/43187');
		const around = page.getByTestId('around-commune');
		expect(await around.getByTestId('place-note').innerText()).toContain('Distances mesurées depuis le centre de Saint-Geneys-près-Saint-Paulien');
		await screenshot(page, 'communes-territory-links');
		await around.getByRole('link', { name: "Qui peut m'aider autour de Saint-Geneys-près-Saint-Paulien ?" }).click();
		await page.waitForURL((url) => url.pathname === '/parcours' && url.searchParams.get('commune') === '43187');
		// The form, filled with the commune: the visitor still says where the project stands.
		expect(await page.getByTestId('finder-issues').count()).toBe(0);
		expect(await page.getByRole('combobox', { name: 'Votre commune' }).inputValue()).toBe('Saint-Geneys-près-Saint-Paulien');
		await page.getByTestId('finder-form').getByRole('button', { name: 'Proposer un parcours' }).click();
		await page.getByRole('heading', { level: 2, name: /Votre parcours depuis Saint-Geneys-près-Saint-Paulien/ }).waitFor();

		await page.goto('/territoires/43187');
		await page.getByTestId('map-link').click();
		await page.waitForURL((url) => url.pathname === '/carte' && url.searchParams.get('near') === '43187');
		await page.getByTestId('nearby-list').waitFor();
		await mapSettled(page);

		// A commune with its own article contracts, one starting with a vowel elides (French-phrasing module).
		await page.goto('/territoires/43157');
		const puy = page.getByTestId('around-commune');
		expect(await puy.getByRole('heading', { level: 2 }).innerText()).toBe('Autour du Puy-en-Velay');
		expect(await puy.getByTestId('finder-link').innerText()).toBe("Qui peut m'aider autour du Puy-en-Velay\u00a0?");
		await page.goto('/territoires/15014');
		expect(await page.getByTestId('around-commune').getByRole('heading', { level: 2 }).innerText()).toBe("Autour d'Aurillac");
	});

	it('un seul acteur ne se compte pas : « Télécharger l’acteur de ce territoire », « cet acteur », « ses relations » (jamais « les 1 acteurs »)', async () => {
		const all = (await (await fetch(`${baseUrl()}/api/v1/export.json`)).json()) as { entities: { communeCode: string | null }[] };
		const counts = new Map<string, number>();
		for (const e of all.entities) if (e.communeCode) counts.set(e.communeCode, (counts.get(e.communeCode) ?? 0) + 1);
		const one = [...counts].find(([, n]) => n === 1)?.[0];
		const many = [...counts].find(([, n]) => n >= 2);
		expect(one, 'une commune à un seul acteur dans la démo').toBeDefined();
		expect(many, 'une commune à plusieurs acteurs').toBeDefined();
		const line = async (testid: string) => (await page.getByTestId(testid).innerText()).replace(/\u00a0/g, ' ');

		await page.goto(`/territoires/${one}`);
		expect(await page.getByRole('heading', { level: 2, name: 'Acteur situé ici' }).count()).toBe(1);
		expect(await line('territory-exports')).toMatch(/^Télécharger l'acteur de ce territoire : CSV \(Excel\) · ses relations \(CSV\) · /);
		await screenshot(page, 'communes-one-actor');
		await page.goto(`/territoires/${many![0]}`);
		expect(await line('territory-exports')).toMatch(
			new RegExp(`^Télécharger les ${many![1]} acteurs de ce territoire : CSV \\(Excel\\) · leurs relations \\(CSV\\) · `)
		);

		await page.goto(`/acteurs?territory=${one}`);
		expect(await line('exports')).toMatch(/^Télécharger cet acteur : CSV · ses relations \(CSV\) · /);
		await page.goto(`/acteurs?territory=${many![0]}`);
		expect(await line('exports')).toMatch(new RegExp(`^Télécharger ces ${many![1]} acteurs : CSV · leurs relations \\(CSV\\) · `));
	});
});
