import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Pathway } from '../../src/lib/pathways/types';
import { withPreposition } from '../../src/lib/domain/french';
import { baseUrl, launchBrowser, newPage, screenshot } from './browser';

async function getJson<T>(path: string): Promise<T> {
	const res = await fetch(`${baseUrl()}${path}`);
	if (!res.ok) throw new Error(`${path} : ${res.status}`);
	return (await res.json()) as T;
}

/** The pathway API's answer, whether it is the pathway itself or wraps it. */
const pathwayOf = (body: Pathway | { pathway: Pathway | null }): Pathway | null => ('steps' in body ? body : body.pathway);

interface Candidate {
	slug: string;
	category: string;
	pathway: Pathway;
}

/** Demo projects and their pathways, through the JSON API (the demo is generated: no slug is hard-coded). */
async function projectPathways(): Promise<Candidate[]> {
	const out: Candidate[] = [];
	for (const category of ['startup', 'company']) {
		const list = await getJson<{ items: { slug: string }[] }>(`/api/v1/entities?category=${category}&limit=200`);
		for (const { slug } of list.items) {
			const pathway = pathwayOf(await getJson<Pathway | { pathway: Pathway | null }>(`/api/v1/pathways?entity=${slug}`));
			if (pathway) out.push({ slug, category, pathway });
		}
	}
	return out;
}

/** Shares of the map canvas that are not the paper background, and that are the line's colour. */
async function mapPixels(page: Page) {
	return page.evaluate(() => {
		const source = document.querySelector('[data-testid="pathway-map"] canvas') as HTMLCanvasElement;
		const copy = document.createElement('canvas');
		copy.width = source.width;
		copy.height = source.height;
		const ctx = copy.getContext('2d') as CanvasRenderingContext2D;
		ctx.drawImage(source, 0, 0);
		const { data } = ctx.getImageData(0, 0, copy.width, copy.height);
		let notPaper = 0;
		let line = 0;
		let sampled = 0;
		for (let i = 0; i < data.length; i += 4 * 3) {
			const [r, g, b] = [data[i] as number, data[i + 1] as number, data[i + 2] as number];
			sampled++;
			// Paper #f4efe8 around the région.
			if (Math.abs(r - 0xf4) + Math.abs(g - 0xef) + Math.abs(b - 0xe8) > 12) notPaper++;
			// The line, #b4461b.
			if (Math.abs(r - 0xb4) + Math.abs(g - 0x46) + Math.abs(b - 0x1b) < 60) line++;
		}
		return { notPaper: notPaper / sampled, line };
	});
}

describe('parcours sur la fiche d’un projet', () => {
	let browser: Browser;
	let page: Page;
	let candidates: Candidate[];

	beforeAll(async () => {
		browser = await launchBrowser();
		page = await newPage(browser);
		candidates = await projectPathways();
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('frise datée dans l’ordre, liens vers les structures, carte numérotée', async () => {
		// The longest pathway with places in two towns at least, so that the map has a line to draw.
		const target = candidates
			.filter((c) => c.category === 'startup' && c.pathway.steps.length >= 3 && new Set(c.pathway.steps.map((s) => s.structure.communeCode)).size >= 2)
			.sort((a, b) => b.pathway.steps.length - a.pathway.steps.length)[0];
		expect(target, 'une startup de démo avec au moins 3 étapes').toBeDefined();
		const { slug, pathway } = target as Candidate;

		await page.goto(`/acteurs/${slug}`);
		const section = page.getByTestId('pathway');
		expect(await section.getByRole('heading', { level: 2, name: 'Parcours' }).count()).toBe(1);

		// Every step, in the API's order, numbered 1, 2, 3…
		const items = section.getByTestId('pathway-step');
		expect(await items.count()).toBe(pathway.steps.length);
		expect(await items.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-order'))))).toEqual(pathway.steps.map((_, i) => i + 1));

		// Dates as stored: each dated step shows its start year, in non-decreasing order; undated ones say so.
		const dates = await section.getByTestId('pathway-date').allInnerTexts();
		const years: number[] = [];
		pathway.steps.forEach((step, i) => {
			const text = dates[i] as string;
			if (step.start) {
				expect(text).toContain(step.start.slice(0, 4));
				years.push(Number(step.start.slice(0, 4)));
			} else expect(text).toBe('date inconnue');
		});
		expect(years).toEqual([...years].sort((a, b) => a - b));
		expect(years.length).toBeGreaterThanOrEqual(3);

		// The structure of each step links to its portrait; its commune and source are shown.
		const first = items.first();
		const structure = first.getByTestId('pathway-structure');
		const step1 = pathway.steps[0] as Pathway['steps'][number];
		expect(await structure.innerText()).toBe(step1.structure.name);
		expect(await structure.getAttribute('href')).toBe(`/acteurs/${step1.structure.slug}`);
		if (step1.structure.communeName) expect(await first.innerText()).toContain(step1.structure.communeName);
		expect(await first.innerText()).toMatch(/source\u00a0: /);
		const parallel = pathway.steps.filter((s) => s.overlapsPrevious).length;
		expect(await section.getByText('en parallèle', { exact: true }).count()).toBe(parallel);

		// The map: drawn (pixels read back), numbered markers matching the timeline.
		const map = section.getByTestId('pathway-map');
		await section.locator('[data-testid="pathway-map"][data-state="ready"]').waitFor();
		const pixels = await mapPixels(page);
		expect(pixels.notPaper).toBeGreaterThan(0.2);
		expect(pixels.line).toBeGreaterThan(50);
		const labels = (await map.getByTestId('pathway-marker').allInnerTexts()).flatMap((t) => t.split(', ').map(Number));
		const placed = pathway.steps.filter((s) => s.structure.lon !== null && s.structure.lat !== null).map((s) => s.order);
		expect(labels.sort((a, b) => a - b)).toEqual(placed);
		expect(labels).toEqual(expect.arrayContaining([1, 2, 3]));
		// Its canvas is named after the startup (it once read « Carte du parcours de  : … »).
		expect(await map.locator('canvas').getAttribute('aria-label')).toBe(
			`Carte du parcours ${withPreposition('de', pathway.subject)}\u00a0: utilisez les flèches pour vous déplacer, + et - pour zoomer`
		);
		await screenshot(page, 'pathway-portrait');

		// A phone: nothing wider than the screen, the map still drawn.
		const context = await browser.newContext({ baseURL: baseUrl(), locale: 'fr-FR', viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
		const phone = await context.newPage();
		await phone.goto(`/acteurs/${slug}`);
		await phone.locator('[data-testid="pathway-map"][data-state="ready"]').waitFor();
		expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
		await phone.getByTestId('pathway').screenshot({ path: 'test-results/e2e-pathway-portrait-phone.png' });
		await context.close();
	});

	it('une phrase plutôt qu’un bloc vide sans étape ; rien pour un incubateur', async () => {
		const empty = candidates.find((c) => c.pathway.steps.length === 0);
		expect(empty, 'un projet de démo sans étape').toBeDefined();
		await page.goto(`/acteurs/${empty?.slug}`);
		const section = page.getByTestId('pathway');
		await section.getByText(/Aucune étape de parcours connue/).waitFor();
		expect(await section.getByTestId('pathway-map').count()).toBe(0);
		expect(await section.getByTestId('pathway-step').count()).toBe(0);
		const incubator = await getJson<{ items: { slug: string }[] }>('/api/v1/entities?category=incubator&limit=1');
		await page.goto(`/acteurs/${incubator.items[0]?.slug}`);
		await page.getByRole('heading', { level: 1 }).waitFor();
		expect(await page.getByTestId('pathway').count()).toBe(0);
	});
});
