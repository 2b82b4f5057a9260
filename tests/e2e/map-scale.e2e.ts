import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type StartedApp } from '../../scripts/lib/local-server';
import { scaleDatabase } from '../../scripts/lib/scale-db';
import { launchBrowser } from './browser';

/**
 * /carte at 10,000 actors (issue 18), on a server of its own: the map draws the server's cluster tiles
 * (/carte/tuiles/…) and the points travel beside them in bytes (/api/v1/map/points.bin); the map must still
 * draw them all and open an actor's card when a person clicks its point. The database: a copy of CARTO_SCALE_DB, or of the 10k seed another test of the run made, else seeded here.
 */

async function mapSettled(page: Page) {
	await page.waitForFunction(() => {
		const probe = window.__cartoMap;
		return Boolean(probe?.idle && probe.dataKey !== null && probe.map?.loaded());
	});
}

/** Share of sampled canvas pixels off the paper background, and of those in the clusters' grey (#3f4a54 at 0.9 over the paper). */
function canvasPixels(page: Page) {
	return page.evaluate(() => {
		const source = window.__cartoMap?.map?.getCanvas() as HTMLCanvasElement;
		const copy = document.createElement('canvas');
		copy.width = source.width;
		copy.height = source.height;
		const ctx = copy.getContext('2d') as CanvasRenderingContext2D;
		ctx.drawImage(source, 0, 0);
		const { data } = ctx.getImageData(0, 0, copy.width, copy.height);
		let drawn = 0;
		let cluster = 0;
		let sampled = 0;
		for (let i = 0; i < data.length; i += 4 * 7) {
			sampled++;
			const [r, g, b] = [data[i] as number, data[i + 1] as number, data[i + 2] as number];
			if (Math.abs(r - 0xf4) + Math.abs(g - 0xef) + Math.abs(b - 0xe8) > 12) drawn++;
			if (Math.abs(r - 0x50) + Math.abs(g - 0x5a) + Math.abs(b - 0x62) < 40) cluster++;
		}
		return { drawn: drawn / sampled, cluster: cluster / sampled };
	});
}

/**
 * A precisely placed actor alone under the pointer at street zoom: read from the bytes the page itself
 * received (decoded here by hand, as the published layout says), then checked on the drawn map.
 */
async function clickablePoint(page: Page, nth: number) {
	const target = await page.evaluate(async (nth) => {
		const buffer = await (await fetch('/api/v1/map/points.bin')).arrayBuffer();
		const view = new DataView(buffer);
		const h = view.getUint32(4, true);
		const head = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, 8, h))) as { count: number; scale: number };
		const at = 8 + h;
		const n = head.count;
		const precise: number[] = [];
		for (let i = 0; i < n; i++) if ((view.getUint8(at + 12 * n + i) & 0x80) === 0) precise.push(i);
		const i = precise[Math.floor((precise.length * (nth + 1)) / 7)]!;
		return {
			n,
			id: view.getInt32(at + 4 * i, true),
			lon: view.getInt32(at + 4 * n + 4 * i, true) / head.scale,
			lat: view.getInt32(at + 8 * n + 4 * i, true) / head.scale
		};
	}, nth);
	await page.evaluate(({ lon, lat }) => window.__cartoMap?.map?.jumpTo({ center: [lon, lat], zoom: 16 }), target);
	await mapSettled(page);
	// The point drawn on top there (a neighbour may share the spot): the one a click must open.
	return page.evaluate(({ lon, lat, n }) => {
		const map = window.__cartoMap!.map!;
		const p = map.project([lon, lat]);
		const box = map.getCanvas().getBoundingClientRect();
		const top = map.queryRenderedFeatures([p.x, p.y], { layers: ['actors-precise'] })[0];
		return { n, id: top?.properties?.id as number | undefined, x: box.left + p.x, y: box.top + p.y };
	}, target);
}

describe('carte à 10 000 acteurs (issue 18)', () => {
	let dir: string;
	let app: StartedApp | undefined;
	let browser: Browser;

	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), 'carto-map-scale-'));
		app = await startApp(scaleDatabase(dir, 10_000));
		browser = await launchBrowser();
	}, 600_000);
	afterAll(async () => {
		await browser?.close();
		await app?.stop();
		rmSync(dir, { recursive: true, force: true });
	});

	for (const device of [
		{ name: 'desktop', viewport: { width: 1280, height: 800 }, mobile: false },
		{ name: 'phone', viewport: { width: 390, height: 844 }, mobile: true }
	]) {
		it(`${device.name} : tous les points dessinés (pixels), un clic sur un point ouvre sa fiche`, async () => {
			const context = await browser.newContext({
				baseURL: app!.baseUrl,
				locale: 'fr-FR',
				viewport: device.viewport,
				isMobile: device.mobile,
				hasTouch: device.mobile
			});
			const page = await context.newPage();
			page.setDefaultTimeout(60_000);
			const tiles: string[] = [];
			page.on('response', (res) => res.url().includes('/carte/tuiles/') && res.ok() && tiles.push(res.url()));
			await page.goto('/carte');
			await mapSettled(page);
			expect(tiles.length, 'tuiles de groupes demandées au serveur').toBeGreaterThan(0);
			// The points come beside the tiles (the selection's ring, the legend), possibly after the first picture.
			await page.waitForFunction(() => (window.__cartoMap?.pointCount ?? 0) > 0);
			const count = await page.evaluate(() => window.__cartoMap?.pointCount ?? 0);
			expect(count).toBeGreaterThan(9_000);
			mkdirSync('test-results', { recursive: true });
			await page.screenshot({ path: `test-results/e2e-map-10k-${device.name}.png` });
			const whole = await canvasPixels(page);
			expect(whole.drawn, 'carte dessinée').toBeGreaterThan(0.15);
			expect(whole.cluster, 'groupes d’acteurs dessinés').toBeGreaterThan(0.002);

			const target = await clickablePoint(page, device.mobile ? 3 : 1);
			expect(target.n, 'points reçus en octets').toBe(count);
			expect(target.id, 'un point précis dessiné sous le pointeur').toBeDefined();
			const expected = (await (await fetch(`${app!.baseUrl}/api/v1/entities/${target.id}`)).json()) as { name: string };
			if (device.mobile) await page.touchscreen.tap(target.x, target.y);
			else await page.mouse.click(target.x, target.y);
			await page.waitForURL((url) => url.searchParams.get('actor') === String(target.id));
			const panel = page.getByTestId('actor-panel');
			await panel.getByRole('heading', { name: expected.name }).waitFor();
			// The selected actor is ringed where its point is.
			expect(await page.evaluate(() => window.__cartoMap?.selected)).toBe(target.id);
			await page.screenshot({ path: `test-results/e2e-map-10k-${device.name}-card.png` });
			await context.close();
		});
	}
});
