import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, newPage, screenshot } from './browser';

/** The map is idle with the points of the current filters drawn (window hook set by MapView / ActorPointsLayer). */
async function mapSettled(page: Page) {
	await page.waitForFunction(() => {
		const probe = window.__cartoMap;
		return Boolean(probe?.idle && probe.dataKey !== null && probe.map?.loaded());
	});
}

const countOf = async (page: Page) => Number((await page.getByTestId('map-count').innerText()).replace(/\s/g, '').match(/^(\d+)/)?.[1]);

describe('carte des acteurs', () => {
	let browser: Browser;
	let page: Page;

	beforeAll(async () => {
		browser = await launchBrowser();
		page = await newPage(browser);
		await page.setViewportSize({ width: 1280, height: 800 });
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('dessine les territoires et les acteurs (pixels lus sur le canevas)', async () => {
		await page.goto('/carte');
		await mapSettled(page);
		const pixels = await page.evaluate(() => {
			const source = window.__cartoMap?.map?.getCanvas() as HTMLCanvasElement;
			const copy = document.createElement('canvas');
			copy.width = source.width;
			copy.height = source.height;
			const ctx = copy.getContext('2d') as CanvasRenderingContext2D;
			ctx.drawImage(source, 0, 0);
			const { data } = ctx.getImageData(0, 0, copy.width, copy.height);
			const colours = new Map<string, number>();
			let notBackground = 0;
			for (let i = 0; i < data.length; i += 4 * 7) {
				const [r, g, b] = [data[i] as number, data[i + 1] as number, data[i + 2] as number];
				// Background paper is #f4efe8.
				if (Math.abs(r - 0xf4) + Math.abs(g - 0xef) + Math.abs(b - 0xe8) > 12) notBackground++;
				const key = `${r >> 5},${g >> 5},${b >> 5}`;
				colours.set(key, (colours.get(key) ?? 0) + 1);
			}
			return { notBackground, sampled: data.length / 28, colours: [...colours.values()].filter((n) => n > 3).length };
		});
		expect(pixels.notBackground / pixels.sampled).toBeGreaterThan(0.15);
		expect(pixels.colours).toBeGreaterThanOrEqual(4);
		// Labels are HTML: département names and at least one préfecture.
		const labels = page.getByTestId('place-label');
		await labels.filter({ hasText: 'Puy-de-Dôme' }).waitFor();
		await labels.filter({ hasText: 'Clermont-Ferrand' }).waitFor();
		await screenshot(page, 'map-desktop');
	});

	it('ouvre la fiche d’un acteur au clic sur son point, Échap la ferme', async () => {
		await page.goto('/carte');
		await mapSettled(page);
		// The most isolated precisely located actor: alone on the map once zoomed in.
		const target = await page.evaluate(async () => {
			const body = (await (await fetch('/api/v1/map/points')).json()) as { points: [number, number, number, number, number][] };
			const precise = body.points.filter((p) => p[4] === 0);
			let best = precise[0] as [number, number, number, number, number];
			let bestGap = -1;
			for (const p of precise) {
				let gap = Infinity;
				for (const q of body.points) if (q !== p) gap = Math.min(gap, Math.hypot(q[1] - p[1], q[2] - p[2]));
				if (gap > bestGap) [best, bestGap] = [p, gap];
			}
			return { id: best[0], lon: best[1], lat: best[2] };
		});
		const expected = (await (await fetch(`${baseUrl()}/api/v1/entities/${target.id}`)).json()) as { name: string };
		await page.evaluate(({ lon, lat }) => window.__cartoMap?.map?.jumpTo({ center: [lon, lat], zoom: 14 }), target);
		await mapSettled(page);
		const point = await page.evaluate(({ lon, lat }) => {
			const map = window.__cartoMap?.map;
			const p = map?.project([lon, lat]);
			const box = map?.getCanvas().getBoundingClientRect();
			return { x: (box?.left ?? 0) + (p?.x ?? 0), y: (box?.top ?? 0) + (p?.y ?? 0) };
		}, target);
		await page.mouse.click(point.x, point.y);
		await page.waitForURL((url) => url.searchParams.get('actor') === String(target.id));
		const card = page.getByTestId('actor-card');
		await card.waitFor();
		expect(await card.getByRole('heading', { level: 2 }).innerText()).toBe(expected.name);
		expect(await card.getByRole('link', { name: 'Voir la fiche complète' }).getAttribute('href')).toMatch(/^\/acteurs\//);
		// Focus moved to the card: Escape closes it.
		await page.keyboard.press('Escape');
		await page.waitForURL((url) => !url.searchParams.has('actor'));
		await page.getByTestId('actor-panel').waitFor({ state: 'detached' });
	});

	it('un filtre change le nombre et l’adresse ; recharger l’adresse restaure les filtres', async () => {
		await page.goto('/carte');
		await mapSettled(page);
		const all = await countOf(page);
		expect(all).toBeGreaterThan(50);
		const filters = page.getByRole('complementary', { name: 'Filtres' });
		await filters.getByRole('checkbox', { name: 'Tiers-lieu', exact: true }).check();
		await page.waitForURL((url) => url.searchParams.get('kind') === 'third_place');
		await page.waitForFunction((n) => !document.querySelector('[data-testid="map-count"]')?.textContent?.trim().startsWith(`${n} `), all);
		await mapSettled(page);
		const filtered = await countOf(page);
		expect(filtered).toBeGreaterThan(0);
		expect(filtered).toBeLessThan(all);
		expect(await page.evaluate(() => window.__cartoMap?.dataKey)).toBe('kind=third_place');
		const listed = await page.getByTestId('actor-list').getByRole('button').count();
		expect(listed).toBe(Math.min(50, filtered));

		await page.reload();
		await mapSettled(page);
		expect(await countOf(page)).toBe(filtered);
		expect(await filters.getByRole('checkbox', { name: 'Tiers-lieu', exact: true }).isChecked()).toBe(true);
		expect(await filters.getByRole('checkbox', { name: 'Organisation', exact: true }).isChecked()).toBe(false);
	});

	it('statistiques territoriales : taux par intercommunalité avec sa légende de classes', async () => {
		await page.goto('/carte');
		await mapSettled(page);
		await page.getByLabel('Mesure').selectOption('rate');
		await page.waitForURL((url) => url.searchParams.get('stat') === 'rate');
		await page.getByLabel('Niveau').selectOption('epci');
		await page.waitForURL((url) => url.searchParams.get('level') === 'epci');
		const legend = page.getByTestId('stats-legend');
		await legend.getByText('par intercommunalité').waitFor();
		const classes = await legend.getByRole('listitem').allInnerTexts();
		expect(classes.length).toBeGreaterThanOrEqual(2);
		expect(classes[0]).toMatch(/^≤ \d/);
		expect(classes[1]).toMatch(/\d – \d/);
		await mapSettled(page);
		await screenshot(page, 'map-stats-epci');

		await page.getByLabel('Mesure').selectOption('count');
		await page.getByLabel('Niveau').selectOption('departement');
		await page.waitForURL((url) => url.searchParams.get('stat') === 'count' && url.searchParams.get('level') === 'departement');
		await legend.getByText("Nombre d'acteurs, par département").waitFor();

		// The same figures as a table, for keyboard and screen-reader users.
		const table = page.getByTestId('stats-table');
		await table.getByText('Tableau des chiffres (4 territoires)').click();
		const rows = table.getByRole('row');
		expect(await rows.count()).toBe(5);
		const first = (await rows.nth(1).innerText()).split('\t');
		expect(first[0]).toBe('Puy-de-Dôme');
	});

	it('autour d’une commune : Aurillac, 30 km, structures par distance croissante', async () => {
		await page.goto('/carte');
		await mapSettled(page);
		const commune = page.getByRole('combobox', { name: 'Commune', exact: true });
		await commune.fill('Aurill');
		await page.getByRole('option', { name: /^Aurillac/ }).click();
		await page.getByLabel('Rayon (km)').fill('30');
		await page.getByRole('button', { name: 'Chercher' }).click();
		await page.waitForURL((url) => url.searchParams.get('near') === '15014' && url.searchParams.get('radius') === '30');
		const list = page.getByTestId('nearby-list');
		await list.locator('[data-km]').first().waitFor();
		const km = (await list.locator('[data-km]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-km')))));
		expect(km.length).toBeGreaterThan(0);
		expect(km).toEqual([...km].sort((a, b) => a - b));
		expect(Math.max(...km)).toBeLessThanOrEqual(30);
		expect(await page.getByRole('heading', { name: /À moins de 30 km d’Aurillac/ }).count()).toBe(1);
		await mapSettled(page);
		await screenshot(page, 'map-nearby');
	});

	it('sur téléphone : la fiche devient un panneau en bas de l’écran', async () => {
		const context = await browser.newContext({ baseURL: baseUrl(), locale: 'fr-FR', viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
		const phone = await context.newPage();
		const body = (await (await fetch(`${baseUrl()}/api/v1/map/points?kind=third_place`)).json()) as { list: { items: { id: number; name: string }[] } };
		const first = body.list.items[0] as { id: number; name: string };
		await phone.goto(`/carte?kind=third_place&actor=${first.id}`);
		await mapSettled(phone);
		const panel = phone.getByTestId('actor-panel');
		await panel.getByRole('heading', { name: first.name }).waitFor();
		const box = await panel.boundingBox();
		expect(box?.width).toBeGreaterThan(380);
		expect((box?.y ?? 0) + (box?.height ?? 0)).toBeGreaterThan(830);
		await phone.screenshot({ path: 'test-results/e2e-map-phone.png' });
		await context.close();
	});
});
