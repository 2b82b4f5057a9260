import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, newPage, screenshot } from './browser';

const projectCount = async (page: Page) => Number((await page.getByTestId('flows-count').innerText()).replace(/\s/g, '').match(/^(\d+)projets?/)?.[1]);

/** What the browser actually drew: node boxes and band lengths, measured in the page. */
const drawing = (page: Page) =>
	page.getByTestId('flow-diagram').evaluate((figure) => {
		const rects = [...figure.querySelectorAll<SVGRectElement>('[data-testid="flow-node"] rect')].map((r) => r.getBBox());
		const paths = [...figure.querySelectorAll<SVGPathElement>('[data-testid="flow-link"] path')].map((p) => ({
			length: p.getTotalLength(),
			width: Number(p.getAttribute('stroke-width'))
		}));
		const box = figure.querySelector('svg')?.getBoundingClientRect();
		return { rects: rects.map((b) => ({ w: b.width, h: b.height })), paths, svg: { w: box?.width ?? 0, h: box?.height ?? 0 } };
	});

const transitionRows = (page: Page) => page.getByTestId('transitions-table').locator('tbody tr').allInnerTexts();

describe('parcours habituels (flux)', () => {
	let browser: Browser;
	let page: Page;

	beforeAll(async () => {
		browser = await launchBrowser();
		page = await newPage(browser);
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('dessine le diagramme et les tableaux, filtre par département d’origine, mène aux projets', async () => {
		const res = await page.goto('/parcours/flux');
		expect(res?.status()).toBe(200);
		const all = await projectCount(page);
		expect(all).toBeGreaterThan(10);

		const drawn = await drawing(page);
		expect(drawn.svg.w).toBeGreaterThan(500);
		expect(drawn.svg.h).toBeGreaterThan(200);
		const boxes = drawn.rects.filter((r) => r.w > 0 && r.h > 0);
		expect(boxes.length).toBeGreaterThanOrEqual(3);
		const bands = drawn.paths.filter((p) => p.length > 0 && p.width > 0);
		expect(bands.length).toBeGreaterThanOrEqual(2);
		// Four columns, French ordinals.
		const headings = await page.getByTestId('flow-diagram').locator('text.heading').allTextContents();
		expect(headings).toEqual(['1re étape', '2e étape', '3e étape', '4e étape et au-delà']);

		// The tables carry figures: transitions with a count and a median, first steps, bottlenecks, territories.
		const rows = await transitionRows(page);
		expect(rows.length).toBeGreaterThan(3);
		expect(rows[0]).toMatch(/→[\s\S]*\d+[\s\S]*(\d+(,\d)? mois|—)/);
		expect(await page.getByTestId('first-steps-table').locator('tbody tr').count()).toBeGreaterThan(2);
		expect(await page.getByTestId('bottlenecks-table').locator('tbody tr').count()).toBeGreaterThan(0);
		const leaving = await page.getByTestId('leaving-table').locator('tbody tr').allInnerTexts();
		expect(leaving.length).toBeGreaterThan(1);
		expect(await page.getByRole('link', { name: 'Télécharger le tableau (CSV)' }).getAttribute('href')).toBe('/api/v1/pathways/flows.csv');
		await screenshot(page, 'flows');

		// A département of origin: fewer projects, other figures, the filter in the address (shareable).
		await page.getByLabel("Département d'origine").selectOption({ label: 'Puy-de-Dôme (63)' });
		await page.getByRole('button', { name: 'Appliquer les filtres' }).click();
		await page.waitForURL((url) => url.pathname === '/parcours/flux' && url.searchParams.get('departement') === '63');
		await page.waitForFunction((n) => !document.querySelector('[data-testid="flows-count"]')?.textContent?.replace(/\s/g, '').startsWith(`${n}projet`), all);
		const local = await projectCount(page);
		expect(local).toBeGreaterThan(0);
		expect(local).toBeLessThan(all);
		expect(await transitionRows(page)).not.toEqual(rows);
		expect(await page.getByLabel("Département d'origine").inputValue()).toBe('63');
		expect(await page.getByRole('link', { name: 'Télécharger le tableau (CSV)' }).getAttribute('href')).toBe('/api/v1/pathways/flows.csv?departement=63');
		expect((await drawing(page)).rects.length).toBeGreaterThanOrEqual(3);
		// The CSV has the table's transitions (the shown ones and the folded rest; all of them when the page keeps the most taken).
		const csv = await page.request.get('/api/v1/pathways/flows.csv?departement=63');
		expect(csv.status()).toBe(200);
		expect(csv.headers()['content-type']).toContain('text/csv');
		const lines = (await csv.text()).split(/\r?\n/).filter((l) => l.trim() !== '');
		const tableRows = await page.getByRole('region', { name: 'Les transitions et leur délai' }).locator('tbody tr').count();
		if (await page.getByTestId('transitions-truncated').count()) expect(lines.length - 1).toBeGreaterThan(tableRows);
		else expect(lines.length - 1).toBe(tableRows);
		const firstRow = (await transitionRows(page))[0] ?? '';
		expect(firstRow).toContain((lines[1] ?? '').split(';')[0]?.replace(/"/g, ''));
		// Projects of one département are grouped by EPCI of origin.
		expect((await page.getByTestId('leaving-table').locator('tbody tr').allInnerTexts()).join('\n')).not.toEqual(leaving.join('\n'));
		await screenshot(page, 'flows-filtered');

		// The first transition's count leads to its projects, with the same filter, and on to a portrait.
		const figure = page.getByTestId('transitions-table').locator('tbody tr').first().getByRole('link');
		const count = Number((await figure.innerText()).replace(/\s/g, ''));
		await figure.click();
		await page.waitForURL((url) => url.pathname === '/parcours/flux/projets');
		const url = new URL(page.url());
		expect(url.searchParams.get('figure')).toBe('transition');
		expect(url.searchParams.get('departement')).toBe('63');
		// Non-breaking spaces inside « » (French-phrasing module).
		expect(await page.getByRole('heading', { level: 1 }).innerText()).toMatch(/^Projets passés de «\u00a0.+\u00a0» à «\u00a0.+\u00a0»$/);
		const projects = page.getByTestId('flow-projects').locator('tbody a[href^="/acteurs/"]');
		const listed = await projects.count();
		expect(listed).toBeGreaterThan(0);
		// A project may take the same transition twice: never more projects than the figure.
		expect(listed).toBeLessThanOrEqual(count);
		await screenshot(page, 'flows-projects');
		const name = await projects.first().innerText();
		await projects.first().click();
		await page.waitForURL((u) => u.pathname.startsWith('/acteurs/'));
		expect(await page.getByRole('heading', { level: 1 }).innerText()).toContain(name);
	});

	it('chaque bloc et chaque flux du diagramme mène à ses projets', async () => {
		await page.goto('/parcours/flux');
		const node = page.getByTestId('flow-node').first();
		const title = (await node.locator('title').textContent()) ?? '';
		expect(title).toMatch(/1re étape\u00a0: \d+ projets?\. Voir les projets$/);
		const counted = Number(/: (\d+) projet/.exec(title)?.[1]);
		await node.click();
		await page.waitForURL(
			(url) => url.pathname === '/parcours/flux/projets' && url.searchParams.get('figure') === 'reached' && url.searchParams.get('rank') === '1'
		);
		// The block's count and its list agree.
		expect(await page.getByTestId('flow-projects').locator('tbody a[href^="/acteurs/"]').count()).toBe(counted);

		// Every link of the drawing answers with a list (no dead figure).
		await page.goto('/parcours/flux');
		const hrefs = await page
			.getByTestId('flow-diagram')
			.locator('a')
			.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
		expect(hrefs.length).toBeGreaterThan(5);
		for (const href of new Set(hrefs)) {
			const r = await page.request.get(href);
			expect(r.status(), href).toBe(200);
		}
	});

	it('niveau structures, sans JavaScript (formulaire GET, diagramme rendu par le serveur)', async () => {
		const context = await browser.newContext({ baseURL: baseUrl(), javaScriptEnabled: false, locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
		const nojs = await context.newPage();
		await nojs.goto('/parcours/flux');
		await nojs.getByLabel('Secteur du projet').selectOption({ label: 'Numérique' });
		await nojs.getByRole('radio', { name: 'structures' }).check();
		await nojs.getByRole('button', { name: 'Appliquer les filtres' }).click();
		await nojs.waitForURL((url) => url.searchParams.get('sector') === 'digital' && url.searchParams.get('level') === 'structure');
		expect(await nojs.getByTestId('flow-node').count()).toBeGreaterThanOrEqual(3);
		expect(await nojs.getByTestId('flow-link').count()).toBeGreaterThanOrEqual(2);
		expect(await nojs.getByTestId('flows-count').innerText()).toMatch(/^\d+ projets?/);
		expect(await nojs.getByRole('link', { name: 'Télécharger le tableau (CSV)' }).getAttribute('href')).toContain('sector=digital');
		await screenshot(nojs, 'flows-structures');
		await context.close();
	});

	it('dit quand il n’y a rien, et refuse un filtre illisible en français (400)', async () => {
		await page.goto('/parcours/flux?from=1950&to=1951');
		expect(await page.getByTestId('flows-empty').innerText()).toMatch(/aucune étape d'accompagnement datée/);
		expect(await page.getByTestId('flow-diagram').count()).toBe(0);

		for (const path of [
			'/parcours/flux?from=abc',
			'/parcours/flux?sector=licorne',
			'/parcours/flux?from=2022&to=2018',
			'/parcours/flux/projets?figure=licorne'
		]) {
			const r = await page.goto(path);
			expect(r?.status(), path).toBe(400);
			expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Requête invalide');
		}
	});

	it('reste lisible sur un téléphone (390 px)', async () => {
		const context = await browser.newContext({ baseURL: baseUrl(), locale: 'fr-FR', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
		const phone = await context.newPage();
		await phone.goto('/parcours/flux');
		// Only the diagram scrolls sideways, inside its frame; the page itself does not.
		expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
		const label = await phone
			.getByTestId('flow-node')
			.first()
			.locator('text')
			.evaluate((t) => t.getBoundingClientRect().height);
		expect(label).toBeGreaterThanOrEqual(12);
		await screenshot(phone, 'flows-phone');
		await context.close();
	});
});
