import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, newPage, screenshot } from './browser';

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
	expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
	return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function get(path: string): Promise<{ type: string; bytes: Buffer }> {
	const res = await fetch(new URL(path, baseUrl()));
	expect(res.status, path).toBe(200);
	return { type: res.headers.get('content-type') ?? '', bytes: Buffer.from(await res.arrayBuffer()) };
}

/**
 * Visible texts that sit outside every landmark (banner, navigation, main, contentinfo, complementary,
 * named region, search, named form): what a screen-reader user moving by landmarks would never reach.
 */
function textsOutsideLandmarks(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const sectioning = 'article, aside, main, nav, section, [role="article"], [role="complementary"], [role="main"], [role="navigation"], [role="region"]';
		const isLandmark = (el: Element): boolean => {
			const role = el.getAttribute('role');
			if (role)
				return (
					['banner', 'navigation', 'main', 'contentinfo', 'complementary', 'search', 'region', 'form'].includes(role) &&
					(role !== 'region' || el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby'))
				);
			const tag = el.tagName.toLowerCase();
			if (tag === 'main' || tag === 'nav' || tag === 'aside' || tag === 'search') return true;
			// header / footer are banner / contentinfo only outside sectioning content.
			if (tag === 'header' || tag === 'footer') return !el.parentElement?.closest(sectioning);
			if (tag === 'section' || tag === 'form') return el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby');
			return false;
		};
		const outside: string[] = [];
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			const text = node.textContent?.trim();
			const parent = node.parentElement;
			if (!text || !parent || parent.closest('script, style, template')) continue;
			if (!parent.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
			const box = parent.getBoundingClientRect();
			// Off-screen until focused (the skip link) or clipped to nothing (visually hidden helpers).
			if (box.bottom + window.scrollY <= 0 || box.right <= 0 || box.width <= 1 || box.height <= 1) continue;
			let inside = false;
			for (let el: Element | null = parent; el && !inside; el = el.parentElement) inside = isLandmark(el);
			if (!inside) outside.push(text);
		}
		return outside;
	});
}

describe('icônes du site et repères de navigation', () => {
	let browser: Browser;
	let page: Page;

	beforeAll(async () => {
		browser = await launchBrowser();
		page = await newPage(browser);
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('links a favicon, app icons and a web app manifest that all answer, at the sizes they claim', async () => {
		await page.goto('/acteurs');
		const href = (selector: string) =>
			page
				.locator(selector)
				.first()
				.evaluate((l: HTMLLinkElement) => l.href);

		const svg = await get(await href('link[rel="icon"][type="image/svg+xml"]'));
		expect(svg.type).toMatch(/^image\/svg\+xml/);
		expect(svg.bytes.toString('utf8')).toContain('<circle');
		const ico = await get(await href('link[rel="icon"][sizes="32x32"]'));
		expect(ico.bytes.readUInt16LE(2)).toBe(1); // an icon resource
		expect(pngSize(ico.bytes.subarray(22))).toEqual({ width: 32, height: 32 });
		expect(pngSize((await get(await href('link[rel="apple-touch-icon"]'))).bytes)).toEqual({ width: 180, height: 180 });
		// Tools that never read the page ask for /favicon.ico.
		expect((await get('/favicon.ico')).bytes.equals(ico.bytes)).toBe(true);

		const manifest = await get(await href('link[rel="manifest"]'));
		expect(manifest.type).toMatch(/manifest\+json|application\/json/);
		const json = JSON.parse(manifest.bytes.toString('utf8')) as {
			name: string;
			lang: string;
			start_url: string;
			icons: { src: string; sizes: string; type: string; purpose: string }[];
		};
		expect(json).toMatchObject({ name: 'Connecteur Carto', lang: 'fr', start_url: '/' });
		const pngs = json.icons.filter((i) => i.type === 'image/png');
		expect(pngs.map((i) => i.sizes).sort()).toEqual(['192x192', '512x512', '512x512']);
		expect(pngs.some((i) => i.purpose === 'maskable')).toBe(true);
		for (const icon of pngs) {
			const [w, h] = icon.sizes.split('x').map(Number);
			expect(pngSize((await get(icon.src)).bytes), icon.src).toEqual({ width: w, height: h });
		}
	});

	it('puts the demo banner, and every visible text of the home page, inside a landmark (desktop and phone)', async () => {
		for (const [size, viewport] of [
			['desktop', { width: 1280, height: 900 }],
			['phone', { width: 390, height: 844 }]
		] as const) {
			await page.setViewportSize(viewport);
			await page.goto('/');
			const banner = page.getByRole('region', { name: 'Avertissement : données de démonstration' });
			expect(await banner.innerText()).toMatch(/^Données de démonstration\u00a0: les acteurs, personnes et relations affichés sont fictifs\.$/);
			expect(await textsOutsideLandmarks(page), size).toEqual([]);
			await screenshot(page, `home-landmarks-${size}`);
		}
	});

	it('the check sees a text left outside every landmark', async () => {
		await page.goto('/');
		await page.evaluate(() => document.body.insertAdjacentHTML('afterbegin', '<p>Texte hors repère</p>'));
		expect(await textsOutsideLandmarks(page)).toEqual(['Texte hors repère']);
	});
});
