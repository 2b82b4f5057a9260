import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_PATH } from '../../scripts/lib/chromium';
import { startApp, type StartedApp } from '../../scripts/lib/local-server';
import { scaleDatabase } from '../../scripts/lib/scale-db';
import type { CompactGraph } from '../../src/lib/graph/compact-graph';
import { CHROMIUM_ARGS } from './browser';

/**
 * « Tout afficher » at 10,000 actors (issue 18): its own server on a 10k database (CARTO_SCALE_DB to copy one,
 * else seeded here), sigma.js drawing every actor at the server's positions, a click opening the actor's card.
 */
let app: StartedApp | undefined;
let browser: Browser | undefined;
let dir: string | undefined;
let hub: { id: number; label: string };
const labels = new Map<number, string>();
let total = 0;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'carto-whole-'));
	app = await startApp(scaleDatabase(dir, 10_000));
	// Warm: the first layout of the revision is computed once, in a worker (seconds at 10k); the page then gets it at once.
	const compact = (await (await fetch(`${app.baseUrl}/api/v1/graph/compact?limit=20000`)).json()) as CompactGraph;
	total = compact.nodes.id.length;
	const best = compact.nodes.degree.reduce((b, d, i, all) => (d > all[b]! ? i : b), 0);
	hub = { id: compact.nodes.id[best]!, label: compact.nodes.label[best]! };
	compact.nodes.id.forEach((id, i) => labels.set(id, compact.nodes.label[i]!));
	browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}, 600_000);

afterAll(async () => {
	await browser?.close();
	await app?.stop();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Share of the view's pixels that are not white, from a screenshot of it (sigma draws with WebGL). */
async function inkShare(page: Page): Promise<number> {
	const png = await page.getByTestId('whole-graph').screenshot();
	const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
	let ink = 0;
	for (let i = 0; i < data.length; i += info.channels) if (data[i]! + data[i + 1]! + data[i + 2]! < 3 * 240) ink++;
	return ink / (info.width * info.height);
}

async function openWhole(viewport: { width: number; height: number }): Promise<Page> {
	const context = await browser!.newContext({ baseURL: app!.baseUrl, locale: 'fr-FR', viewport, hasTouch: viewport.width < 500 });
	const page = await context.newPage();
	page.setDefaultTimeout(60_000);
	page.on('pageerror', (e) => console.error('Erreur de la page :', e.message));
	await page.goto('/reseau');
	// The button works once the page is hydrated: the readable view's count comes from the browser's own request.
	await page
		.getByTestId('graph-count')
		.getByText(/acteurs/)
		.first()
		.waitFor();
	await page.getByRole('button', { name: 'Tout afficher' }).click();
	await page.waitForFunction(() => window.__cartoWhole?.ready === true);
	return page;
}

/** Points at an actor as a person would (the pointer lights it first), clicks, and says who was clicked. */
async function clickActor(page: Page, id: number): Promise<{ id: number; label: string }> {
	const box = (await page.getByTestId('whole-graph').boundingBox())!;
	const at = (await page.evaluate((n) => window.__cartoWhole!.screen!(n), id))!;
	expect(at.x).toBeGreaterThan(0);
	expect(at.y).toBeGreaterThan(0);
	await page.mouse.move(box.x + at.x, box.y + at.y);
	// The hub, or an actor drawn over it at this spot: the one lit is the one clicked.
	const lit = (await (await page.waitForFunction(() => window.__cartoWhole?.hovered)).jsonValue()) as number;
	await page.mouse.click(box.x + at.x, box.y + at.y);
	return { id: lit, label: labels.get(lit)! };
}

describe('« Tout afficher » on a 10,000-actor network', () => {
	it('draws every actor and relation, and a click opens that actor’s card', async () => {
		const page = await openWhole({ width: 1280, height: 900 });
		const probe = await page.evaluate(() => ({ ...window.__cartoWhole!, screen: null }));
		expect(total).toBeGreaterThan(9_000);
		expect(probe.nodes).toBe(total);
		expect(probe.edges).toBeGreaterThan(20_000);
		expect(await inkShare(page)).toBeGreaterThan(0.05);
		await page.getByTestId('whole-graph').screenshot({ path: shot('whole-10k-desktop') });

		const clicked = await clickActor(page, hub.id);
		const card = page.getByTestId('actor-panel');
		await expect.poll(() => card.getByRole('heading', { level: 2 }).first().textContent()).toContain(clicked.label);
		expect(new URL(page.url()).searchParams.get('actor')).toBe(String(clicked.id));
		// The card's map link is the readable view's: the same actor on /carte.
		expect(await card.getByRole('link', { name: 'Voir sur la carte' }).getAttribute('href')).toContain(`actor=${clicked.id}`);
		await page.screenshot({ path: shot('whole-10k-desktop-card') });

		// Back to the readable view: the card stays open on the same actor.
		await page.getByRole('button', { name: 'Vue lisible' }).click();
		await expect.poll(() => new URL(page.url()).searchParams.get('actor')).toBe(String(clicked.id));
		await expect.poll(() => card.isVisible()).toBe(true);
		await page.context().close();
	}, 240_000);

	it('on a phone too', async () => {
		const page = await openWhole({ width: 390, height: 844 });
		expect(await inkShare(page)).toBeGreaterThan(0.05);
		await page.screenshot({ path: shot('whole-10k-phone') });
		const clicked = await clickActor(page, hub.id);
		await expect.poll(() => page.getByTestId('actor-panel').textContent()).toContain(clicked.label);
		await page.screenshot({ path: shot('whole-10k-phone-card') });
		await page.context().close();
	}, 240_000);
});

function shot(name: string): string {
	mkdirSync('test-results', { recursive: true });
	return `test-results/e2e-${name}.png`;
}
