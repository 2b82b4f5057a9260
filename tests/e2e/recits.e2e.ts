import { request as httpRequest } from 'node:http';
import sharp from 'sharp';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, drawnShare, launchBrowser, newPage, screenshot } from './browser';
import { canvasPixels } from './graph-helpers';
import { api, personaContext } from './persona';
import { choosePassword, createAccount } from './sign-in';
import { escapeRe } from './listing-names';

/*
 * Issue 20's « done when »: an editor turns « Qui finance l'agroalimentaire du Cantal ? » into a published,
 * shareable, embeddable récit, with « Ajouter au récit » from /carte, /reseau (a path), /parcours/flux and
 * /explorer. Then it is read by scrolling (the map's camera moves, the path is drawn: pixels), without JavaScript
 * (stills), printed, embedded, shared (its image), and every actor it features links back to it and to its press.
 */

const TITLE = 'Qui finance l’agroalimentaire du Cantal ?';
const SLUG = 'qui-finance-l-agroalimentaire-du-cantal';
interface Entity {
	id: number;
	slug: string;
	name: string;
}
type Probe = { marks: { what: string; step: number; camera?: { lng: number; lat: number; zoom: number } }[] };

/** A path between a Cantal agrifood actor and another actor exists: the demo always has one within a few steps. */
async function pathEnds(): Promise<{ from: Entity; to: Entity }> {
	const agrifood = (await api<{ items: Entity[] }>('/api/v1/entities?sector=agrifood&territory=15&limit=20')).items;
	const funders = (await api<{ items: Entity[] }>('/api/v1/entities?offer=funding&limit=20')).items;
	for (const from of agrifood)
		for (const to of funders) {
			if (from.id === to.id) continue;
			const paths = await api<{ paths: unknown[] }>(`/api/v1/paths?from=${from.id}&to=${to.id}`);
			if (paths.paths.length) return { from, to };
		}
	throw new Error('aucun chemin entre un acteur agroalimentaire du Cantal et un financeur');
}

async function addToStory(page: Page, path: string, wait: () => Promise<unknown>, story: 'new' | 'existing'): Promise<void> {
	await page.goto(path);
	await wait();
	await page.getByTestId('add-to-story').first().click();
	await page.waitForURL(/\/recits\/ajouter\?vue=/);
	if (story === 'new') {
		await page.getByTestId('add-view-new').click();
		await page.getByTestId('story-title').fill(TITLE);
		await page.getByTestId('story-subtitle').fill('Des fromageries aux startups : qui accompagne et finance la filière, sur la carte et dans le réseau.');
		await page.getByTestId('story-create').click();
	} else {
		// Not the demo's « … (exemple) », published: the draft being written.
		await page.getByRole('radio', { name: new RegExp(`^${escapeRe(TITLE)} Brouillon`) }).check();
		await page.getByTestId('add-view-submit').click();
	}
	await page.waitForURL(new RegExp(`/recits/${SLUG}/modifier`));
}

function get(path: string): Promise<{ status: number; type: string; body: Buffer }> {
	return new Promise((resolve, reject) => {
		httpRequest(`${baseUrl()}${path}`, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body: Buffer.concat(chunks) }));
		})
			.on('error', reject)
			.end();
	});
}

describe('une rédactrice construit un récit, le publie ; on le lit, l’imprime, l’intègre', () => {
	let browser: Browser;
	let editor: Page;
	let ends: { from: Entity; to: Entity };
	const started = Date.now();

	beforeAll(async () => {
		browser = await launchBrowser();
		ends = await pathEnds();
		editor = await newPage(browser);
		await choosePassword(editor, createAccount('editor', 'recits.redaction@exemple.fr', 'Rita Rédactrice'));
	}, 120_000);
	afterAll(async () => {
		await browser?.close();
	});

	it('ajoute au récit une carte, un chemin du réseau, les flux et l’explorateur, écrit, publie et fige', async () => {
		await addToStory(
			editor,
			'/carte?sector=agrifood&territory=15',
			() =>
				editor
					.getByTestId('map-count')
					.getByText(/acteur/)
					.waitFor(),
			'new'
		);
		await addToStory(
			editor,
			`/reseau?from=${ends.from.id}&to=${ends.to.id}`,
			() =>
				editor
					.getByTestId('graph-count')
					.getByText(/acteur/)
					.waitFor(),
			'existing'
		);
		await addToStory(editor, '/parcours/flux?sector=agrifood&departement=15', () => editor.getByRole('heading', { level: 1 }).waitFor(), 'existing');
		await addToStory(editor, '/explorer?sector=agrifood&territory=15&type=funded_by', () => editor.getByRole('heading', { level: 1 }).waitFor(), 'existing');

		const steps = editor.getByTestId('story-step');
		await expect.poll(() => steps.count()).toBe(4);
		expect(await steps.getByTestId('view-kind').allTextContents()).toEqual(['Carte', 'Réseau', 'Flux des parcours', 'Carte et réseau']);
		const texts = [
			'Dans le Cantal, les acteurs de l’agroalimentaire sont dispersés dans les bassins ruraux.',
			`De **${ends.from.name}** à **${ends.to.name}** : le chemin de l’argent, relation par relation.`,
			'Où vont les projets de la filière, étape après étape ?',
			'Carte et réseau ensemble : qui finance qui, et où.'
		];
		for (const [i, text] of texts.entries()) {
			const step = editor.getByTestId('story-step').nth(i);
			await step.getByTestId('step-text').fill(text);
			await step.getByTestId('step-save').click();
			await editor.getByTestId(`step-${i + 1}-done`).waitFor();
		}
		await editor.getByTestId('status-published').click();
		await editor.getByTestId('story-status-done').waitFor();
		await editor.getByTestId('story-freeze').click();
		await editor.getByTestId('story-freeze-done').waitFor();
		await expect.poll(() => editor.getByTestId('story-frozen').textContent()).toMatch(/figé au/);
		await screenshot(editor, 'recits-edition');
		const minutes = (Date.now() - started) / 60_000;
		expect(minutes, 'le récit est publié en moins de 30 minutes').toBeLessThan(30);
	}, 240_000);

	it('se lit en faisant défiler : la caméra bouge, le chemin est dessiné', async () => {
		const { page } = await personaContext(browser, 'desktop');
		await page.goto(`/recits/${SLUG}`);
		await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
		await expect.poll(() => page.getByTestId('story-stage').getAttribute('data-shown'), { timeout: 20_000 }).toBe('0');
		const probe = () => page.evaluate(() => (window as unknown as { __storyProbe?: Probe }).__storyProbe?.marks ?? []);
		await expect.poll(async () => (await probe()).some((m) => m.what === 'camera' && m.step === 0), { timeout: 20_000 }).toBe(true);
		await page.waitForTimeout(500);
		expect(await drawnShare(page, '[data-testid="story-map"] canvas')).toBeGreaterThan(0.05);
		const cantal = (await probe()).find((m) => m.what === 'camera' && m.step === 0)!.camera!;
		// The Cantal, not all of Auvergne: centred south-west and closer than the four départements.
		expect(cantal.lat).toBeLessThan(45.4);
		expect(cantal.lng).toBeLessThan(3.1);
		await screenshot(page, 'recits-lecture-1');

		await page.getByTestId('next-step').first().click();
		await expect.poll(() => page.getByTestId('story-stage').getAttribute('data-kind'), { timeout: 20_000 }).toBe('network');
		await expect.poll(async () => (await probe()).some((m) => m.what === 'graph' && m.step === 1), { timeout: 30_000 }).toBe(true);
		await page.waitForTimeout(800);
		const graph = await canvasPixels(page);
		expect(graph.ink).toBeGreaterThan(0.002);
		expect(graph.colours).toBeGreaterThan(2);
		await expect
			.poll(() =>
				page
					.getByTestId('story-stage')
					.getByText(new RegExp(ends.to.name.slice(0, 12)))
					.count()
			)
			.toBeGreaterThan(0);
		await screenshot(page, 'recits-lecture-2-chemin');

		// The keyboard: → twice to the explorer step, whose map moves back to the Cantal.
		await page.keyboard.press('ArrowRight');
		await expect.poll(() => page.getByTestId('story-stage').getAttribute('data-kind')).toBe('flows');
		await page.getByTestId('story-stage').locator('svg').first().waitFor();
		await page.keyboard.press('ArrowRight');
		await expect.poll(() => page.getByTestId('story-stage').getAttribute('data-kind')).toBe('explorer');
		await screenshot(page, 'recits-lecture-4-explorateur');

		// On a phone the view sits above the text.
		const phone = await personaContext(browser, 'phone');
		await phone.page.goto(`/recits/${SLUG}`);
		await expect.poll(() => phone.page.getByTestId('story-stage').getAttribute('data-shown'), { timeout: 20_000 }).toBe('0');
		await phone.page.waitForTimeout(800);
		await phone.page.screenshot({ path: 'test-results/e2e-recits-telephone.png' });
		await phone.context.close();
	}, 180_000);

	it('se lit sans JavaScript, en images fixes, et s’imprime', async () => {
		const context = await browser.newContext({ baseURL: baseUrl(), locale: 'fr-FR', javaScriptEnabled: false, viewport: { width: 1000, height: 900 } });
		const page = await context.newPage();
		await page.goto(`/recits/${SLUG}`);
		await expect(page.getByTestId('story-step').count()).resolves.toBe(4);
		const pictures = page.getByTestId('step-picture');
		expect(await pictures.count()).toBe(3);
		for (let i = 0; i < 3; i++) {
			await pictures.nth(i).scrollIntoViewIfNeeded();
			await expect.poll(() => pictures.nth(i).evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), { timeout: 20_000 }).toBe(true);
		}
		expect(await page.getByTestId('step-figure').nth(2).locator('svg').count()).toBeGreaterThan(0);
		await screenshot(page, 'recits-sans-js');
		await context.close();

		const { page: printed, context: printContext } = await personaContext(browser, 'desktop');
		await printed.goto(`/recits/${SLUG}`);
		await expect.poll(() => printed.getByTestId('story-stage').getAttribute('data-shown'), { timeout: 20_000 }).toBe('0');
		await printed.emulateMedia({ media: 'print' });
		expect(await printed.getByTestId('story-stage').isVisible()).toBe(false);
		expect(await printed.getByTestId('step-picture').first().isVisible()).toBe(true);
		await screenshot(printed, 'recits-impression');
		const pdf = await printed.pdf({ format: 'A4' });
		expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
		await printContext.close();
	}, 120_000);

	it('s’intègre ailleurs, se partage en image, et ses acteurs renvoient au récit et à leur presse', async () => {
		const page = await newPage(browser);
		// Framed by a page of the site itself (the default: other origins only once listed in CARTO_EMBED_ANCESTORS).
		await page.goto('/');
		await page.evaluate((slug) => {
			const frame = document.createElement('iframe');
			frame.src = `/embed/recits/${slug}`;
			frame.title = 'Récit';
			frame.width = '900';
			frame.height = '700';
			document.body.prepend(frame);
		}, SLUG);
		const frame = page.frameLocator('iframe[title="Récit"]');
		await frame.getByRole('heading', { level: 1, name: TITLE }).waitFor({ timeout: 20_000 });
		await frame.getByTestId('embed-recit').waitFor();
		await page.waitForTimeout(1500);
		await page.screenshot({ path: 'test-results/e2e-recits-integre.png' });

		const share = await get(`/recits/${SLUG}/partage.png?v=1`);
		expect(share.status).toBe(200);
		expect(share.type).toBe('image/png');
		const meta = await sharp(share.body).metadata();
		expect([meta.width, meta.height]).toEqual([1200, 630]);
		await sharp(share.body).toFile('test-results/e2e-recits-partage.png');
		const reader = await newPage(browser);
		await reader.goto(`/recits/${SLUG}`);
		expect(await reader.locator('meta[property="og:image"]').getAttribute('content')).toMatch(new RegExp(`/recits/${SLUG}/partage\\.png\\?v=\\d+$`));

		// Every actor the récit features: its page lists the récit, and its press when it has any.
		const actors = reader.getByTestId('story-actors').getByRole('link');
		const names = await actors.allTextContents();
		expect(names).toEqual(expect.arrayContaining([ends.from.name, ends.to.name]));
		for (const name of names) {
			await reader.goto(`/recits/${SLUG}`);
			await reader.getByTestId('story-actors').getByRole('link', { name, exact: true }).click();
			await reader.getByTestId('actor-stories').getByRole('link', { name: TITLE }).waitFor();
			const slug = reader.url().split('/acteurs/')[1]!;
			const press = await api<{ items: unknown[] }>(`/api/v1/articles?entity=${slug}`);
			if (press.items.length) await reader.getByTestId('press-count').waitFor();
		}
		await screenshot(reader, 'recits-acteur');
	}, 120_000);
});
