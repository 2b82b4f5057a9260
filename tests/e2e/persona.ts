import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { baseUrl } from './browser';

/**
 * What the « first visit » journeys share: the two sizes a newcomer meets the site at, and a step that
 * saves a screenshot named after the journey and checks the page does not scroll sideways.
 */

export const SIZES = {
	desktop: { width: 1280, height: 900 },
	phone: { width: 390, height: 844 }
} as const;
export type SizeName = keyof typeof SIZES;

export async function personaContext(browser: Browser, size: SizeName): Promise<{ context: BrowserContext; page: Page }> {
	const phone = size === 'phone';
	const context = await browser.newContext({ baseURL: baseUrl(), locale: 'fr-FR', viewport: SIZES[size], isMobile: phone, hasTouch: phone });
	const page = await context.newPage();
	page.setDefaultTimeout(20_000);
	return { context, page };
}

/**
 * Numbered steps: `test-results/e2e-persona-<who>-<size>-01-<name>.png`, the screen as the person sees it
 * (the viewport, scrolled to `focus` when given), taken once the page is checked not to scroll sideways.
 */
export function journey(who: string, size: SizeName, page: Page) {
	let n = 0;
	mkdirSync('test-results', { recursive: true });
	return async function step(name: string, focus?: Locator): Promise<void> {
		n += 1;
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
		expect(overflow, `${who}, ${size}, étape « ${name} » : la page défile sur le côté`).toBeLessThanOrEqual(0);
		if (focus) await focus.scrollIntoViewIfNeeded();
		await page.screenshot({ path: `test-results/e2e-persona-${who}-${size}-${String(n).padStart(2, '0')}-${name}.png` });
	};
}

export async function api<T>(path: string): Promise<T> {
	const res = await fetch(`${baseUrl()}${path}`);
	if (!res.ok) throw new Error(`${path} : ${res.status}`);
	return (await res.json()) as T;
}

/** « ≈ 12 km », « 3,4 km », « moins de 25 km »… → kilometres as a number, for ordering checks. */
export function kmOf(text: string): number | null {
	const m = /(\d+(?:,\d+)?)\s?km/.exec(text);
	return m ? Number(m[1]!.replace(',', '.')) : null;
}

/** What a reader sees, for comparisons: typographic apostrophes and no-break spaces read as plain ones. */
export const plain = (text: string): string => text.replace(/[’]/g, "'").replace(/[\u00a0\u202f]/g, ' ');
