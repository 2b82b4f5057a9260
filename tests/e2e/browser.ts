import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { CHROMIUM_PATH } from '../../scripts/lib/chromium';
import { CHROMIUM_BASE_ARGS, CPU_2D_CANVAS_ARG } from '../../scripts/lib/local-server';

export const CHROMIUM_ARGS = [...CHROMIUM_BASE_ARGS, CPU_2D_CANVAS_ARG];

export function launchBrowser(): Promise<Browser> {
	return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

export function baseUrl(): string {
	return inject('baseUrl');
}

/** A fresh page (French locale, desktop size) whose relative URLs resolve against the test server. */
export async function newPage(browser: Browser): Promise<Page> {
	const context = await browser.newContext({ baseURL: baseUrl(), locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
	const page = await context.newPage();
	page.setDefaultTimeout(15_000);
	return page;
}

/** Full-page screenshot under test-results/, for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
	mkdirSync('test-results', { recursive: true });
	await page.screenshot({ path: `test-results/e2e-${name}.png`, fullPage: true });
}

/**
 * Share of a map's canvas that is drawn over the paper background (#f4efe8), sampling every 7th pixel:
 * a map test asserts that something was painted, not only that a <canvas> exists.
 */
export function drawnShare(page: Page, canvasSelector: string): Promise<number> {
	return page.evaluate((selector) => {
		const source = document.querySelector(selector) as HTMLCanvasElement;
		const copy = document.createElement('canvas');
		copy.width = source.width;
		copy.height = source.height;
		const ctx = copy.getContext('2d') as CanvasRenderingContext2D;
		ctx.drawImage(source, 0, 0);
		const { data } = ctx.getImageData(0, 0, copy.width, copy.height);
		let drawn = 0;
		for (let i = 0; i < data.length; i += 4 * 7) {
			if (Math.abs((data[i] as number) - 0xf4) + Math.abs((data[i + 1] as number) - 0xef) + Math.abs((data[i + 2] as number) - 0xe8) > 12) drawn++;
		}
		return drawn / (data.length / 28);
	}, canvasSelector);
}

/** How many pixels of a map's canvas are within `tolerance` (sum of channel gaps) of a colour: its dots were painted. */
export function colourCount(page: Page, canvasSelector: string, rgb: [number, number, number], tolerance = 40): Promise<number> {
	return page.evaluate(
		({ selector, rgb, tolerance }) => {
			const source = document.querySelector(selector) as HTMLCanvasElement;
			const copy = document.createElement('canvas');
			copy.width = source.width;
			copy.height = source.height;
			const ctx = copy.getContext('2d') as CanvasRenderingContext2D;
			ctx.drawImage(source, 0, 0);
			const { data } = ctx.getImageData(0, 0, copy.width, copy.height);
			let found = 0;
			for (let i = 0; i < data.length; i += 4) {
				if (Math.abs(data[i]! - rgb[0]) + Math.abs(data[i + 1]! - rgb[1]) + Math.abs(data[i + 2]! - rgb[2]) < tolerance) found++;
			}
			return found;
		},
		{ selector: canvasSelector, rgb, tolerance }
	);
}
