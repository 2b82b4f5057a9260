import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, newPage, screenshot } from './browser';

/** Share of pixels that are not the background, and distinct colours, over the given canvases. */
async function pixels(page: Page, selector: string, background: [number, number, number]) {
	return page.evaluate(
		({ selector, background }) => {
			const canvases = [...document.querySelectorAll<HTMLCanvasElement>(selector)];
			const first = canvases[0] as HTMLCanvasElement;
			const copy = document.createElement('canvas');
			copy.width = first.width;
			copy.height = first.height;
			const ctx = copy.getContext('2d') as CanvasRenderingContext2D;
			ctx.fillStyle = `rgb(${background.join(',')})`;
			ctx.fillRect(0, 0, copy.width, copy.height);
			for (const c of canvases) ctx.drawImage(c, 0, 0);
			const { data } = ctx.getImageData(0, 0, copy.width, copy.height);
			const colours = new Map<string, number>();
			let ink = 0;
			for (let i = 0; i < data.length; i += 4 * 7) {
				const [r, g, b] = [data[i] as number, data[i + 1] as number, data[i + 2] as number];
				if (Math.abs(r - background[0]) + Math.abs(g - background[1]) + Math.abs(b - background[2]) > 12) ink++;
				const key = `${r >> 5},${g >> 5},${b >> 5}`;
				colours.set(key, (colours.get(key) ?? 0) + 1);
			}
			return { ink: ink / (data.length / 28), colours: [...colours.values()].filter((n) => n > 3).length };
		},
		{ selector, background }
	);
}

async function noChrome(page: Page) {
	expect(await page.locator('header.site-header, footer.site-footer, .skip').count()).toBe(0);
	expect(await page.getByRole('link', { name: 'Aller au contenu' }).count()).toBe(0);
}

describe('vues intégrables (/embed)', () => {
	let browser: Browser;
	let page: Page;
	let partner: Server;
	let partnerUrl = '';

	beforeAll(async () => {
		browser = await launchBrowser();
		page = await newPage(browser);
		// Another port is another origin: a partner site that is not in CARTO_EMBED_ANCESTORS.
		const target = baseUrl();
		partner = createServer((_req, res) => {
			res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
			res.end(
				`<!doctype html><title>Partenaire</title><h1>Site partenaire</h1><iframe id="carto" src="${target}/embed/carte?kind=third_place" width="600" height="400"></iframe>`
			);
		});
		await new Promise<void>((done) => partner.listen(0, '127.0.0.1', done));
		partnerUrl = `http://127.0.0.1:${(partner.address() as AddressInfo).port}/`;
	});
	afterAll(async () => {
		await browser?.close();
		await new Promise((done) => partner?.close(done));
	});

	it('/embed/carte : la carte filtrée seule, sans en-tête ni pied de page, avec légende et lien', async () => {
		const response = await page.goto('/embed/carte?kind=third_place');
		expect(response?.headers()['x-frame-options']).toBeUndefined();
		expect(response?.headers()['content-security-policy']).toMatch(/frame-ancestors 'self'(;|$)/);
		await page.waitForFunction(() => {
			const probe = window.__cartoMap;
			return Boolean(probe?.idle && probe.dataKey !== null && probe.map?.loaded());
		});
		await noChrome(page);
		const drawn = await pixels(page, '[data-testid="map"] canvas', [0xf4, 0xef, 0xe8]);
		expect(drawn.ink).toBeGreaterThan(0.15);
		expect(drawn.colours).toBeGreaterThanOrEqual(4);
		const link = page.getByRole('link', { name: /Voir sur Connecteur Carto/ });
		expect(await link.getAttribute('href')).toBe('/carte?kind=third_place');
		expect(await link.getAttribute('target')).toBe('_blank');
		expect(await link.getAttribute('rel')).toContain('noopener');
		await page.getByTestId('embed-demo').waitFor();
		await screenshot(page, 'embed-carte');
	});

	it('/embed/reseau : le graphe filtré seul, dessiné', async () => {
		const response = await page.goto('/embed/reseau?kind=organisation');
		expect(response?.headers()['x-frame-options']).toBeUndefined();
		expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'self'");
		await page.waitForFunction(() => Boolean(window.__cartoGraph?.ready && window.__cartoGraph.layouts >= 1));
		await noChrome(page);
		const drawn = await pixels(page, '[data-testid="network-canvas"] canvas', [255, 255, 255]);
		expect(drawn.ink).toBeGreaterThan(0.02);
		expect(drawn.colours).toBeGreaterThanOrEqual(3);
		expect(await page.getByRole('link', { name: /Voir sur Connecteur Carto/ }).getAttribute('href')).toBe('/reseau?kind=organisation');
		await screenshot(page, 'embed-reseau');
	});

	it('les autres pages restent interdites de cadre', async () => {
		const response = await page.goto('/carte');
		expect(response?.headers()['x-frame-options']).toBe('DENY');
		expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
	});

	it('le site lui-même peut intégrer /embed, un site non autorisé non', async () => {
		// Same origin: the frame loads.
		await page.goto('/');
		await page.evaluate(() => {
			const frame = document.createElement('iframe');
			frame.src = '/embed/carte?kind=third_place';
			frame.id = 'same-origin';
			document.body.append(frame);
		});
		const own = await (await page.waitForSelector('#same-origin')).contentFrame();
		await own?.waitForSelector('[data-testid="embed-carte"]');

		// Default config: another origin is refused by frame-ancestors, the page inside never loads.
		await page.goto(partnerUrl);
		await page.getByRole('heading', { name: 'Site partenaire' }).waitFor();
		const handle = await page.waitForSelector('#carto');
		await page.waitForFunction(() => {
			const frame = document.getElementById('carto') as HTMLIFrameElement | null;
			return frame !== null;
		});
		await page.waitForTimeout(1500);
		const frame = await handle.contentFrame();
		const inside = frame ? await frame.locator('[data-testid="embed-carte"]').count() : 0;
		expect(inside).toBe(0);
		expect(frame?.url() ?? '').not.toContain('/embed/carte?kind=third_place');
		await screenshot(page, 'embed-blocked');
	});

	it('« Intégrer » sur /carte donne le code iframe avec les filtres en cours', async () => {
		await page.goto('/carte?kind=third_place');
		await page.getByRole('button', { name: 'Intégrer' }).click();
		const code = await page.getByTestId('embed-snippet').inputValue();
		expect(code).toContain(`<iframe src="${baseUrl()}/embed/carte?kind=third_place"`);
		expect(code).toContain('width="100%" height="480" style="border:0" loading="lazy"');
		expect(code).toContain('title="Carte de l\'écosystème — Connecteur Carto"');
		await screenshot(page, 'embed-snippet');
	});
});
