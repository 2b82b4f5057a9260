import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, drawnShare, launchBrowser, newPage, screenshot } from './browser';

/** The map is idle with the points of the current filters drawn (window hook set by MapView / ActorPointsLayer). */
async function mapSettled(page: Page) {
	await page.waitForFunction(() => {
		const probe = window.__cartoMap;
		return Boolean(probe?.idle && probe.dataKey !== null && probe.map?.loaded());
	});
}

const cameraOf = (page: Page) =>
	page.evaluate(() => {
		const map = window.__cartoMap?.map;
		const c = map?.getCenter();
		return { lat: c?.lat ?? 0, lng: c?.lng ?? 0, zoom: map?.getZoom() ?? 0 };
	});

/** A drag then a wheel zoom over the middle of the map, as a person moves it. */
async function moveMap(page: Page) {
	const box = (await page.getByTestId('map').boundingBox()) as { x: number; y: number; width: number; height: number };
	const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
	await page.mouse.move(x, y);
	await page.mouse.down();
	for (let i = 1; i <= 10; i++) await page.mouse.move(x - 16 * i, y - 9 * i);
	await page.mouse.up();
	await page.mouse.move(x, y);
	for (let i = 0; i < 3; i++) {
		await page.mouse.wheel(0, -240);
		await page.waitForTimeout(120);
	}
}

describe('l’adresse de la carte : vue, fiche et filtres gardés', () => {
	let browser: Browser;
	let page: Page;

	beforeAll(async () => {
		browser = await launchBrowser();
		page = await newPage(browser);
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('recharger la page redonne la même vue de la carte (at=) et la fiche ouverte ; l’année et les types suivent vers le réseau', async () => {
		await page.goto('/carte?kind=organisation&year=2021&type=incubated_by');
		await mapSettled(page);
		const start = await cameraOf(page);
		// No camera in the address until the visitor moves the map.
		expect(new URL(page.url()).searchParams.has('at')).toBe(false);

		const entry = page.getByTestId('actor-list').getByRole('button').nth(3);
		const id = await entry.getAttribute('data-actor-id');
		const name = (await entry.innerText()).split('\n')[0] as string;
		await entry.click();
		await page.waitForURL((url) => url.searchParams.get('actor') === id);
		const card = page.getByTestId('actor-card');
		await card.getByRole('heading', { level: 2 }).waitFor();

		await moveMap(page);
		await page.waitForURL((url) => url.searchParams.has('at'));
		// The probe's idle flag is about the data; the camera has stopped when MapLibre says it no longer moves.
		await page.waitForFunction(() => {
			const map = window.__cartoMap?.map;
			return Boolean(map && !map.isMoving() && !map.isZooming() && map.loaded());
		});
		// Once the map has stopped, the address says where (written after a short pause, once per gesture).
		const atOf = () => (new URL(page.url()).searchParams.get('at') as string).split(',').map(Number) as [number, number, number];
		await expect.poll(async () => Math.abs(atOf()[2] - (await cameraOf(page)).zoom), { timeout: 5000 }).toBeLessThan(0.01);
		const moved = await cameraOf(page);
		expect(moved.zoom).toBeGreaterThan(start.zoom + 0.5);
		const url = new URL(page.url());
		const [lat, lng, zoom] = atOf();
		expect(lat).toBeCloseTo(moved.lat, 3);
		expect(lng).toBeCloseTo(moved.lng, 3);
		expect(zoom).toBeCloseTo(moved.zoom, 1);
		// The rest of the address is kept: filters, year, relation types, the open card.
		expect(url.searchParams.get('kind')).toBe('organisation');
		expect(url.searchParams.get('year')).toBe('2021');
		expect(url.searchParams.get('type')).toBe('incubated_by');
		expect(url.searchParams.get('actor')).toBe(id);

		const shared = page.url();
		await page.reload();
		await mapSettled(page);
		const again = await cameraOf(page);
		expect(again.lat).toBeCloseTo(lat, 3);
		expect(again.lng).toBeCloseTo(lng, 3);
		expect(again.zoom).toBeCloseTo(zoom, 1);
		expect(await card.getByRole('heading', { level: 2 }).innerText()).toBe(name);
		expect(await drawnShare(page, '[data-testid="map"] canvas')).toBeGreaterThan(0.1);
		// « Voir ses liens dans le réseau » carries the filters, the year and the relation types.
		const toGraph = new URL((await card.getByRole('link', { name: 'Voir ses liens dans le réseau' }).getAttribute('href')) as string, baseUrl());
		expect(toGraph.pathname).toBe('/reseau');
		expect(Object.fromEntries(toGraph.searchParams)).toMatchObject({ kind: 'organisation', year: '2021', type: 'incubated_by', focus: id });
		await screenshot(page, 'map-camera-restored');

		// The shared address opened elsewhere (a phone) shows the same place and card.
		const context = await browser.newContext({ baseURL: baseUrl(), locale: 'fr-FR', viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
		const phone = await context.newPage();
		await phone.goto(shared);
		await mapSettled(phone);
		const there = await cameraOf(phone);
		expect(there.lat).toBeCloseTo(lat, 3);
		expect(there.lng).toBeCloseTo(lng, 3);
		await phone.getByTestId('actor-panel').getByRole('heading', { name }).waitFor();
		await phone.screenshot({ path: 'test-results/e2e-map-camera-phone.png' });
		await context.close();
	});

	it('le menu garde les filtres : carte → réseau → carte', async () => {
		await page.goto('/carte');
		await mapSettled(page);
		const filters = page.getByRole('complementary', { name: 'Filtres' });
		await filters.getByRole('checkbox', { name: 'Tiers-lieu', exact: true }).check();
		await page.waitForURL((url) => url.searchParams.get('kind') === 'third_place');
		await mapSettled(page);
		const menu = page.getByRole('navigation', { name: 'Navigation principale' });
		expect(await menu.getByRole('link', { name: 'Acteurs', exact: true }).getAttribute('href')).toBe('/acteurs?kind=third_place');
		expect(await menu.getByRole('link', { name: 'Explorer', exact: true }).getAttribute('href')).toBe('/explorer?kind=third_place');

		await menu.getByRole('link', { name: 'Réseau', exact: true }).click();
		await page.waitForURL((url) => url.pathname === '/reseau');
		expect(new URL(page.url()).searchParams.getAll('kind')).toEqual(['third_place']);
		expect(await page.getByRole('complementary', { name: 'Filtres' }).getByRole('checkbox', { name: 'Tiers-lieu', exact: true }).isChecked()).toBe(true);

		await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Carte', exact: true }).click();
		await page.waitForURL((url) => url.pathname === '/carte');
		await mapSettled(page);
		expect(new URL(page.url()).searchParams.getAll('kind')).toEqual(['third_place']);
		expect(await page.evaluate(() => window.__cartoMap?.dataKey)).toBe('kind=third_place');
		expect(await page.getByRole('complementary', { name: 'Filtres' }).getByRole('checkbox', { name: 'Tiers-lieu', exact: true }).isChecked()).toBe(true);
		await screenshot(page, 'map-menu-kept-filters');
	});

	it('un acteur donné par son slug mène à l’adresse par identifiant', async () => {
		const body = (await (await fetch(`${baseUrl()}/api/v1/map/points?kind=third_place`)).json()) as {
			list: { items: { id: number; slug: string; name: string }[] };
		};
		const first = body.list.items[0] as { id: number; slug: string; name: string };
		await page.goto(`/carte?kind=third_place&actor=${first.slug}`);
		expect(new URL(page.url()).search).toBe(`?kind=third_place&actor=${first.id}`);
		await page.getByTestId('actor-card').getByRole('heading', { name: first.name }).waitFor();
	});
});
