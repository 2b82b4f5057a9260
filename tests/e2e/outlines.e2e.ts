import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawnShare, launchBrowser, newPage, screenshot } from './browser';

/*
 * The embedded official outlines on a fresh `npm start` (no import, no network): commune outlines at commune
 * zoom (fetched only then), EPCI rates as a choropleth, and each territory page's own small map.
 */

async function mapSettled(page: Page) {
	await page.waitForFunction(() => {
		const probe = window.__cartoMap;
		return Boolean(probe?.idle && probe.dataKey !== null && probe.map?.loaded());
	});
}

/** Pixels drawn by these layers alone (on the paper background): every other layer hidden for one frame, then shown again. */
async function layerShare(page: Page, canvas: string, layers: string[]): Promise<number> {
	const hidden = await page.evaluate((keep) => {
		const map = window.__cartoMap!.map!;
		const ids = map
			.getStyle()
			.layers.map((l) => l.id)
			.filter((id) => id !== 'paper' && !keep.includes(id) && map.getLayoutProperty(id, 'visibility') !== 'none');
		for (const id of ids) map.setLayoutProperty(id, 'visibility', 'none');
		return ids;
	}, layers);
	await page.evaluate(() => new Promise<void>((resolve) => window.__cartoMap!.map!.once('idle', () => resolve()).triggerRepaint()));
	const share = await drawnShare(page, canvas);
	await page.evaluate((ids) => {
		const map = window.__cartoMap!.map!;
		for (const id of ids) map.setLayoutProperty(id, 'visibility', 'visible');
	}, hidden);
	await page.evaluate(() => new Promise<void>((resolve) => window.__cartoMap!.map!.once('idle', () => resolve()).triggerRepaint()));
	return share;
}

const outlineRequests = (page: Page) =>
	page.evaluate(
		() =>
			performance
				.getEntriesByType('resource')
				.map((e) => e.name)
				.filter((n) => n.includes('/api/v1/territories?kind=commune') && !n.includes('geometry=point')).length
	);

describe('contours officiels embarqués', () => {
	let browser: Browser;
	let page: Page;

	beforeAll(async () => {
		browser = await launchBrowser();
		page = await newPage(browser);
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('dessine les contours des communes au zoom communal seulement, chargés à ce moment-là', async () => {
		await page.goto('/carte');
		await mapSettled(page);
		// The whole région: the 3 MB of commune outlines are not fetched, the attribution names IGN.
		expect(await outlineRequests(page)).toBe(0);
		expect(
			await page
				.getByTestId('map')
				.getByText(/IGN – ADMIN EXPRESS COG 2018, INSEE COG 2018 — Licence Ouverte/)
				.count()
		).toBe(1);

		// Zoomed on Clermont-Ferrand, as a person would with the + button (then a jump to save time).
		await page.getByRole('button', { name: 'Zoom avant' }).click();
		await page.evaluate(() => window.__cartoMap?.map?.jumpTo({ center: [3.1, 45.78], zoom: 10.5 }));
		await expect.poll(() => outlineRequests(page), { timeout: 15_000 }).toBe(1);
		await expect
			.poll(() => page.evaluate(() => window.__cartoMap!.map!.queryRenderedFeatures(undefined, { layers: ['commune-line'] }).length), { timeout: 15_000 })
			.toBeGreaterThan(30);
		// The outlines alone paint a mesh of lines: a few percent of the canvas, not nothing.
		const share = await layerShare(page, '[data-testid="map"] canvas', ['commune-line']);
		expect(share).toBeGreaterThan(0.01);
		expect(share).toBeLessThan(0.5);
		await mapSettled(page);
		await screenshot(page, 'outlines-communes-desktop');
	});

	it('colore les intercommunalités par classe de taux (choroplèthe) et la légende dit les classes', async () => {
		await page.goto('/carte?stat=rate&level=epci');
		await mapSettled(page);
		const legend = page.getByTestId('stats-legend');
		await legend.getByText('par intercommunalité').waitFor();
		expect((await legend.getByRole('listitem').allInnerTexts()).length).toBeGreaterThanOrEqual(2);
		await expect
			.poll(() => page.evaluate(() => window.__cartoMap!.map!.querySourceFeatures('stats-fills').length), { timeout: 15_000 })
			.toBeGreaterThanOrEqual(40);
		// No circle where an outline is known: every EPCI is a polygon now.
		expect(await page.evaluate(() => window.__cartoMap!.map!.querySourceFeatures('stats-circles').length)).toBe(0);
		const colours = await page.evaluate(
			() => new Set(window.__cartoMap!.map!.queryRenderedFeatures(undefined, { layers: ['stats-fill'] }).map((f) => f.properties.color)).size
		);
		expect(colours).toBeGreaterThanOrEqual(3);
		const share = await layerShare(page, '[data-testid="map"] canvas', ['stats-fill']);
		expect(share).toBeGreaterThan(0.2);
		await screenshot(page, 'outlines-epci-choropleth-desktop');

		const phone = await newPage(browser);
		await phone.setViewportSize({ width: 390, height: 844 });
		await phone.goto('/carte?stat=rate&level=epci');
		await mapSettled(phone);
		expect(await drawnShare(phone, '[data-testid="map"] canvas')).toBeGreaterThan(0.2);
		await screenshot(phone, 'outlines-epci-choropleth-phone');
		await phone.screenshot({ path: 'test-results/e2e-outlines-epci-choropleth-phone-screen.png' });
		await phone.context().close();
	});

	it('une page de territoire montre sa carte : son contour et ses acteurs', async () => {
		await page.goto('/territoires/63113');
		await page.getByRole('heading', { level: 1, name: 'Clermont-Ferrand' }).waitFor();
		const frame = page.getByTestId('territory-map');
		await frame.scrollIntoViewIfNeeded();
		await frame.locator('canvas').waitFor();
		await mapSettled(page);
		await expect
			.poll(() => page.evaluate(() => window.__cartoMap!.map!.queryRenderedFeatures(undefined, { layers: ['focus-line'] }).length), { timeout: 15_000 })
			.toBeGreaterThan(0);
		expect(await page.evaluate(() => window.__cartoMap!.map!.querySourceFeatures('territory-focus')[0]?.properties.code)).toBe('63113');
		expect(await page.evaluate(() => window.__cartoMap!.map!.getZoom())).toBeGreaterThan(10);
		expect(await drawnShare(page, '[data-testid="territory-map"] canvas')).toBeGreaterThan(0.3);
		const focus = await layerShare(page, '[data-testid="territory-map"] canvas', ['focus-line']);
		expect(focus).toBeGreaterThan(0.005);
		expect(await page.getByTestId('data-licences').innerText()).toContain('IGN – ADMIN EXPRESS COG 2018, INSEE COG 2018 — Licence Ouverte');
		await screenshot(page, 'outlines-territory-desktop');

		const phone = await newPage(browser);
		await phone.setViewportSize({ width: 390, height: 844 });
		await phone.goto('/territoires/200073419');
		const phoneFrame = phone.getByTestId('territory-map');
		await phoneFrame.scrollIntoViewIfNeeded();
		await phoneFrame.locator('canvas').waitFor();
		await mapSettled(phone);
		expect(await drawnShare(phone, '[data-testid="territory-map"] canvas')).toBeGreaterThan(0.3);
		await screenshot(phone, 'outlines-territory-phone');
		await phone.screenshot({ path: 'test-results/e2e-outlines-territory-phone-screen.png' });
		await phone.context().close();
	});
});
