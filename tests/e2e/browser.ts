import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { CHROMIUM_BASE_ARGS, CPU_2D_CANVAS_ARG } from '../../scripts/lib/local-server';

export const CHROMIUM_ARGS = [...CHROMIUM_BASE_ARGS, CPU_2D_CANVAS_ARG];

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
