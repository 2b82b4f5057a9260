import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';

/** Flags from STACK.md gotcha 4 (never --user-data-dir, never --disable-software-rasterizer). */
export const CHROMIUM_ARGS = [
	'--use-gl=angle',
	'--use-angle=swiftshader',
	'--enable-unsafe-swiftshader',
	'--disable-quic',
	'--disable-background-networking',
	'--disable-component-update',
	'--no-first-run',
	'--disable-sync',
	// Cytoscape draws on a 2D canvas: through SwiftShader's emulated GPU each frame took ~0.5 s for the demo
	// graph, with Skia's CPU raster ~10x less. WebGL (the map) is unaffected by this flag.
	'--disable-accelerated-2d-canvas'
];

export function launchBrowser(): Promise<Browser> {
	return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
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
