import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, newPage, screenshot } from './browser';
import { graphReady, tapNode } from './graph-helpers';

interface Api {
	nodes: { id: number; label: string; slug: string; communeCode?: string | null; degree: number }[];
	edges: { source: number; target: number }[];
}

/** Share of the outline canvas that is painted, and its darkest grey (a light grey line, not a black one). */
function backdropInk(page: Page) {
	return page.evaluate(() => {
		const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="graph-backdrop"]')!;
		// Nothing to draw outside the geographic layout: the canvas then holds no pixels at all.
		if (!canvas.width || !canvas.height) return { share: 0, darkest: 255 };
		const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
		let painted = 0;
		let darkest = 255;
		for (let i = 0; i < data.length; i += 4 * 3) {
			if ((data[i + 3] as number) < 40) continue;
			painted++;
			darkest = Math.min(darkest, data[i] as number);
		}
		return { share: painted / (data.length / 12), darkest };
	});
}

describe('/reseau : l’adresse garde la sélection, le centre et le chemin', () => {
	let browser: Browser;
	let page: Page;
	let graph: Api;
	let thiers: Api['nodes'][number];
	let far: Api['nodes'][number];

	beforeAll(async () => {
		browser = await launchBrowser();
		page = await newPage(browser);
		graph = (await (await fetch(`${baseUrl()}/api/v1/graph?limit=600`)).json()) as Api;
		// The most related actor of Thiers (INSEE 63430), and an actor two relations away from it.
		thiers = graph.nodes.filter((n) => n.communeCode === '63430').sort((a, b) => b.degree - a.degree)[0]!;
		expect(thiers, 'un acteur de démonstration à Thiers').toBeDefined();
		const near = (id: number) => new Set(graph.edges.flatMap((e) => (e.source === id ? [e.target] : e.target === id ? [e.source] : [])));
		const first = near(thiers.id);
		const second = [...first].flatMap((id) => [...near(id)]).find((id) => id !== thiers.id && !first.has(id));
		far = graph.nodes.find((n) => n.id === second)!;
		expect(far, 'un acteur à deux relations de celui de Thiers').toBeDefined();
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('un nœud choisi met actor= dans l’adresse ; recharger rouvre la même fiche (« Thiers », pas « 63430 »), le même centre et le même chemin', async () => {
		await page.goto('/reseau');
		await graphReady(page);
		await page.getByRole('combobox', { name: 'Centrer sur un acteur' }).fill(thiers.label);
		await page.getByRole('option').filter({ hasText: thiers.label }).first().click();
		await page.waitForURL((url) => url.searchParams.get('focus') === String(thiers.id));
		await graphReady(page, 2);

		for (const [name, who] of [
			['Acteur X', thiers],
			['Acteur Y', far]
		] as const) {
			await page.getByRole('combobox', { name, exact: true }).fill(who.label);
			await page.getByRole('option').filter({ hasText: who.label }).first().click();
		}
		await page.getByRole('button', { name: 'Trouver les chemins' }).click();
		await page.getByTestId('path-navigator').waitFor();
		await page.waitForURL((url) => url.searchParams.get('from') === String(thiers.id) && url.searchParams.get('to') === String(far.id));

		await tapNode(page, thiers.id, () => page.waitForURL((url) => url.searchParams.get('actor') === String(thiers.id), { timeout: 5000 }));
		const card = page.getByTestId('actor-card');
		await card.getByRole('heading', { name: thiers.label }).waitFor();
		await card.getByRole('link', { name: 'Thiers' }).waitFor();
		expect(await card.innerText()).not.toContain('63430');
		const shared = new URL(page.url());
		expect(shared.search).toBe(`?focus=${thiers.id}&from=${thiers.id}&to=${far.id}&actor=${thiers.id}`);
		await screenshot(page, 'reseau-address-selected');

		await page.reload();
		await graphReady(page);
		expect(page.url()).toBe(shared.href);
		await card.getByRole('heading', { name: thiers.label }).waitFor();
		await card.getByRole('link', { name: 'Thiers' }).waitFor();
		expect(await card.innerText()).not.toContain('63430');
		await page.getByTestId('focus-breadcrumbs').getByText(thiers.label, { exact: true }).waitFor();
		await page
			.getByTestId('path-navigator')
			.getByText(/Chemin 1\/\d/)
			.waitFor();
		const drawn = await page.evaluate(() => {
			const cy = window.__cartoGraph!.cy!;
			return { focus: cy.nodes('.focus').map((n) => n.id()), selected: cy.nodes(':selected').map((n) => n.id()), path: cy.nodes('.path').map((n) => n.id()) };
		});
		expect(drawn.focus).toEqual([`n${thiers.id}`]);
		expect(drawn.selected).toEqual([`n${thiers.id}`]);
		expect(drawn.path).toEqual(expect.arrayContaining([`n${thiers.id}`, `n${far.id}`]));
		await screenshot(page, 'reseau-address-reloaded');

		const phone = await browser.newContext({ baseURL: baseUrl(), locale: 'fr-FR', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
		const small = await phone.newPage();
		await small.goto(shared.pathname + shared.search);
		await graphReady(small);
		await small.getByTestId('actor-card').getByRole('link', { name: 'Thiers' }).waitFor();
		await screenshot(small, 'reseau-address-phone');
		await phone.close();
	});

	it('un acteur donné par son slug : la page passe à l’adresse par identifiant', async () => {
		await page.goto(`/reseau?focus=${thiers.slug}&actor=${far.slug}`);
		expect(new URL(page.url()).search).toBe(`?focus=${thiers.id}&actor=${far.id}`);
		await graphReady(page);
		await page.getByTestId('actor-card').getByRole('heading', { name: far.label }).waitFor();
	});

	it('la disposition géographique pose les nœuds sur les contours des départements (ordinateur et téléphone), les intercommunalités en zoomant', async () => {
		await page.goto('/reseau?layout=geo');
		await graphReady(page);
		await page.waitForFunction(() => window.__cartoGraph?.backdrop?.departements === true);
		const ink = await backdropInk(page);
		expect(ink.share).toBeGreaterThan(0.004);
		expect(ink.darkest).toBeGreaterThan(150);
		await screenshot(page, 'reseau-geo-outlines');

		// Zoomed in with the wheel, over the graph: the outlines follow and the intercommunalities appear.
		const box = (await page.getByTestId('network-canvas').boundingBox())!;
		await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
		for (let i = 0; i < 40 && !(await page.evaluate(() => window.__cartoGraph?.backdrop?.epcis)); i++) {
			await page.mouse.wheel(0, -600);
			await page.waitForTimeout(80);
		}
		await page.waitForFunction(() => window.__cartoGraph?.backdrop?.epcis === true);
		expect((await backdropInk(page)).share).toBeGreaterThan(0.004);
		await screenshot(page, 'reseau-geo-outlines-zoomed');

		const phone = await browser.newContext({ baseURL: baseUrl(), locale: 'fr-FR', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
		const small = await phone.newPage();
		await small.goto('/reseau?layout=geo');
		await graphReady(small);
		await small.waitForFunction(() => window.__cartoGraph?.backdrop?.departements === true);
		expect((await backdropInk(small)).share).toBeGreaterThan(0.004);
		await screenshot(small, 'reseau-geo-outlines-phone');
		await phone.close();

		// Another layout: no territory under the nodes.
		await page.getByRole('combobox', { name: 'Disposition' }).selectOption('fcose');
		await page.waitForFunction(() => window.__cartoGraph?.backdrop === null);
		expect((await backdropInk(page)).share).toBe(0);
	});
});
