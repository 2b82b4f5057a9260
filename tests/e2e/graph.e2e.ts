import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, newPage, screenshot } from './browser';
import { canvasPixels, graphReady, readDownload } from './graph-helpers';

interface Api {
	nodes: { id: number; label: string; slug: string }[];
	edges: { source: number; target: number; type: string; label: string; sourceRef: string | null }[];
}

/** Two actors two relations apart in the demo graph (a chain A - B - C with no direct A - C link). */
function twoApart(graph: Api): [number, number] {
	const adj = new Map<number, Set<number>>();
	for (const e of graph.edges) {
		adj.set(e.source, (adj.get(e.source) ?? new Set()).add(e.target));
		adj.set(e.target, (adj.get(e.target) ?? new Set()).add(e.source));
	}
	for (const [a, near] of adj) for (const b of near) for (const c of adj.get(b) ?? []) if (c !== a && !near.has(c)) return [a, c];
	throw new Error('pas de chaîne de deux relations');
}

describe('réseau des acteurs', () => {
	let browser: Browser;
	let page: Page;
	let graph: Api;

	beforeAll(async () => {
		browser = await launchBrowser();
		page = await newPage(browser);
		graph = (await (await fetch(`${baseUrl()}/api/v1/graph?limit=600`)).json()) as Api;
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('dessine tout le réseau de démonstration, avec sa légende (pixels lus sur le canevas)', async () => {
		await page.goto('/reseau');
		await graphReady(page);
		const probe = await page.evaluate(() => ({ ...window.__cartoGraph, cy: null }));
		expect(probe.nodeCount).toBe(graph.nodes.length);
		expect(probe.nodeCount).toBeGreaterThan(100);
		expect(probe.firstFrameMs).toBeGreaterThan(0);
		const pixels = await canvasPixels(page);
		expect(pixels.ink).toBeGreaterThan(0.03);
		expect(pixels.colours).toBeGreaterThanOrEqual(4);
		const legend = page.getByTestId('graph-legend');
		for (const label of ['Organisation', 'Personne', 'Tiers-lieu', 'Événement', 'déclarée, non confirmée'])
			await legend.getByText(label, { exact: true }).waitFor();
		await screenshot(page, 'graph-whole');
	});

	it('montre aussitôt l’aperçu du serveur (même sans JavaScript), puis le remplace par le graphe interactif', async () => {
		// Without JavaScript the preview is the whole picture.
		const context = await browser.newContext({ baseURL: baseUrl(), locale: 'fr-FR', viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
		const bare = await context.newPage();
		await bare.goto('/reseau');
		const img = bare.getByTestId('graph-preview');
		await img.waitFor();
		expect((await img.boundingBox())?.width).toBeGreaterThan(500);
		// Chromium with scripts disabled by the driver still parses <noscript> as if scripts ran: read the HTML instead.
		const html = await (await fetch(`${baseUrl()}/reseau`)).text();
		expect(html).toMatch(/<noscript>[^]*Aperçu statique(?:\u00a0|&nbsp;): activez JavaScript[^]*\.pending[^]*<\/noscript>/);
		await bare.screenshot({ path: 'test-results/e2e-graph-preview-nojs.png', fullPage: true });
		const src = await img.getAttribute('src');
		await context.close();
		// Its pixels: the SVG drawn on a canvas shows many relations and actors in several colours.
		await page.goto('/reseau');
		await graphReady(page);
		expect(await page.getByTestId('graph-preview').count(), 'l’aperçu est retiré une fois Cytoscape affiché').toBe(0);
		const drawn = await page.evaluate(async (url) => {
			const image = new Image();
			image.src = url;
			await image.decode();
			const canvas = document.createElement('canvas');
			canvas.width = 800;
			canvas.height = Math.round((800 * image.naturalHeight) / image.naturalWidth);
			const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
			ctx.fillStyle = '#ffffff';
			ctx.fillRect(0, 0, canvas.width, canvas.height);
			ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
			const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
			const colours = new Set<string>();
			let ink = 0;
			for (let i = 0; i < data.length; i += 4) {
				if ((data[i] as number) + (data[i + 1] as number) + (data[i + 2] as number) < 3 * 245) ink++;
				colours.add(`${(data[i] as number) >> 5},${(data[i + 1] as number) >> 5},${(data[i + 2] as number) >> 5}`);
			}
			return { ink: ink / (data.length / 4), colours: colours.size };
		}, src as string);
		expect(drawn.ink).toBeGreaterThan(0.03);
		expect(drawn.colours).toBeGreaterThanOrEqual(5);
	});

	it('le curseur des années rejoue la croissance : moins d’acteurs et de relations actifs dans une année ancienne', async () => {
		await page.goto('/reseau');
		await graphReady(page);
		const count = page.getByTestId('graph-count');
		const all = await page.evaluate(() => window.__cartoGraph?.visibleNodes ?? 0);
		const slider = page.getByRole('slider');
		const min = Number(await slider.getAttribute('min'));
		const year = min + 3;
		await slider.fill(String(year));
		await page.waitForURL(new RegExp(`year=${year}`));
		await page.waitForFunction(
			(y) => / actives? en /.test(document.querySelector('[data-testid="graph-count"]')?.textContent?.split(String(y))[0] ?? ''),
			year
		);
		// « 1 relation active en 1961 », « 12 relations actives en 1961 »: agreed with the count.
		const [, n, noun, adjective] = (await count.innerText()).replace(/\s+/g, ' ').match(/(\d+) (relations?) (actives?) en /)!;
		expect([noun, adjective]).toEqual(Number(n) >= 2 ? ['relations', 'actives'] : ['relation', 'active']);
		const then = await page.evaluate(() => window.__cartoGraph?.visibleNodes ?? 0);
		expect(then).toBeGreaterThan(0);
		expect(then).toBeLessThan(all);
		expect(await count.locator('strong').innerText()).toBe(`${then.toLocaleString('fr-FR')} acteur${then > 1 ? 's' : ''}`.replace(/\u202f/g, ' '));
		await screenshot(page, 'graph-year');
		await page.getByRole('button', { name: 'Toutes les années' }).click();
		await page.waitForFunction((n) => window.__cartoGraph?.visibleNodes === n, all);
	});

	it('colore par communauté : la légende liste les communautés calculées par le serveur', async () => {
		await page.goto('/reseau?colour=community');
		await graphReady(page);
		const legend = page.getByTestId('graph-legend');
		await legend.getByText('Couleur : communauté (Louvain)').waitFor();
		// The metrics may arrive after the first frame: the colours follow them.
		await page.waitForFunction(() => new Set(window.__cartoGraph?.cy?.nodes().map((n) => String(n.data('color')))).size >= 5);
		await screenshot(page, 'graph-communities');
	});

	it('change de disposition sans bloquer la page (géographique, puis cercles)', async () => {
		await page.goto('/reseau?layout=geo');
		await graphReady(page);
		await page.getByLabel('Disposition').selectOption('concentric');
		await page.waitForURL(/layout=concentric/);
		await graphReady(page, 2);
		expect(await page.evaluate(() => window.__cartoGraph?.layout)).toBe('concentric');
		await page.getByLabel('Disposition').selectOption('grouped');
		await graphReady(page, 3);
		await screenshot(page, 'graph-grouped');
	});

	it('centrer sur un acteur réduit le graphe à son voisinage ; le fil ramène au réseau entier', async () => {
		await page.goto('/reseau');
		await graphReady(page);
		const whole = await page.evaluate(() => window.__cartoGraph?.visibleNodes ?? 0);
		const box = page.getByRole('combobox', { name: 'Centrer sur un acteur' });
		const target = graph.nodes[0] as Api['nodes'][number];
		await box.pressSequentially(target.label.slice(0, 12), { delay: 30 });
		const option = page
			.getByRole('listbox', { name: /Suggestions pour Centrer/ })
			.getByRole('option')
			.first();
		await option.waitFor();
		await box.press('Enter');
		await page.waitForURL(/focus=\d+/);
		await page.waitForFunction((n) => window.__cartoGraph?.ready && (window.__cartoGraph.visibleNodes ?? n) < n, whole);
		const focused = await page.evaluate(() => window.__cartoGraph?.visibleNodes ?? 0);
		expect(focused).toBeGreaterThan(0);
		expect(focused).toBeLessThan(whole);
		const crumbs = page.getByRole('navigation', { name: "Fil d'exploration" });
		await crumbs.waitFor();
		await page.getByLabel('Voisinage').selectOption('2');
		await page.waitForURL(/depth=2/);
		await page.waitForFunction((n) => window.__cartoGraph?.ready && (window.__cartoGraph.visibleNodes ?? 0) > n, focused);
		await screenshot(page, 'graph-focus');
		await crumbs.getByRole('link', { name: 'Tout le réseau' }).click();
		await page.waitForFunction((n) => window.__cartoGraph?.ready && window.__cartoGraph.visibleNodes === n, whole);
	});

	it('un clic sur un nœud ouvre la même fiche que la carte, avec « Voir sur la carte »', async () => {
		await page.goto('/reseau?kind=organisation');
		await graphReady(page);
		const at = await page.evaluate(() => {
			const cy = window.__cartoGraph?.cy;
			const node = cy?.nodes().sort((a, b) => b.degree(false) - a.degree(false))[0];
			const p = node?.renderedPosition();
			return { x: p?.x ?? 0, y: p?.y ?? 0, id: node?.data('entityId') as number };
		});
		const box = await page.getByTestId('network-canvas').boundingBox();
		await page.mouse.click((box?.x ?? 0) + at.x, (box?.y ?? 0) + at.y);
		const card = page.getByTestId('actor-card');
		await card.waitFor();
		expect(await card.getByRole('link', { name: 'Voir sur la carte' }).getAttribute('href')).toBe(`/carte?kind=organisation&actor=${at.id}`);
		await screenshot(page, 'graph-card');
	});

	it('« Comment X est-il relié à Y ? » surligne une chaîne et l’écrit en phrases', async () => {
		const [a, c] = twoApart(graph);
		await page.goto(`/reseau?from=${a}&to=${c}`);
		await graphReady(page);
		const results = page.getByTestId('path-results');
		await results.waitFor();
		const sentences = results.getByTestId('path').first().getByTestId('path-sentence');
		expect(await sentences.count()).toBe(2);
		expect((await sentences.first().innerText()).length).toBeGreaterThan(10);
		await page.waitForFunction(() => (window.__cartoGraph?.cy?.elements('edge.path').length ?? 0) === 2);
		const chain = await page.evaluate(() => window.__cartoGraph?.cy?.nodes('.path').map((n) => n.data('entityId') as number));
		expect(chain).toContain(a);
		expect(chain).toContain(c);
		await page.waitForTimeout(500);
		await screenshot(page, 'graph-path');
	});

	it('les phrases d’un chemin citent leur source, en lien quand c’est une adresse web (issue 12)', async () => {
		// A relation whose source is a URL, found as a one-relation path.
		type Paths = { paths: { edges: { label: string }[]; details: { sentence: string; notes: string[]; source: string | null }[] }[] };
		let found: { from: number; to: number; answer: Paths } | null = null;
		for (const e of graph.edges.filter((x) => x.sourceRef?.startsWith('http')).slice(0, 20)) {
			const answer = (await (await fetch(`${baseUrl()}/api/v1/paths?from=${e.source}&to=${e.target}&k=3`)).json()) as Paths;
			if (answer.paths[0]?.details[0]?.source?.startsWith('http')) {
				found = { from: e.source, to: e.target, answer };
				break;
			}
		}
		expect(found, 'une relation sourcée par une adresse web dans la démo').not.toBeNull();
		const { from, to, answer } = found!;
		const detail = answer.paths[0]!.details[0]!;
		await page.goto(`/reseau?from=${from}&to=${to}`);
		const sentence = page.getByTestId('path-results').getByTestId('path-sentence').first();
		await sentence.waitFor();
		const text = (await sentence.innerText()).replace(/\u00a0/g, ' ');
		expect(text.startsWith(`${detail.sentence.replace(/\u00a0/g, ' ')} (`)).toBe(true);
		expect(text).toContain('source : ');
		const link = sentence.getByRole('link');
		expect(await link.getAttribute('href')).toBe(detail.source);
		expect(await link.innerText()).toBe(detail.source!.replace(/^https?:\/\/(www\.)?/i, '').replace(/\/$/, ''));
		// The counts agree with their number: « Chemin 1 · 1 relation », « 1 chemin. » or « 3 chemins, du plus court au plus long. ».
		expect(
			await page
				.getByTestId('path-results')
				.getByRole('button', { name: /^Chemin 1 · 1 relation\s:/ })
				.count()
		).toBe(1);
		const n = answer.paths.length;
		const intro =
			n === 1 ? '1 chemin. Cliquez sur le chemin pour le surligner.' : `${n} chemins, du plus court au plus long. Cliquez sur un chemin pour le surligner.`;
		expect(await page.getByTestId('path-results').getByText(intro, { exact: true }).count()).toBe(1);
		await sentence.scrollIntoViewIfNeeded();
		await screenshot(page, 'graph-path-source');
	});

	it('choisir X et Y à la main donne une adresse à partager qui redonne la même réponse', async () => {
		const [a, c] = twoApart(graph);
		const label = (id: number) => graph.nodes.find((n) => n.id === id)?.label ?? '';
		await page.goto('/reseau');
		await graphReady(page);
		for (const [name, id] of [
			['Acteur X', a],
			['Acteur Y', c]
		] as const) {
			await page.getByRole('combobox', { name, exact: true }).fill(label(id));
			await page
				.getByRole('option')
				.filter({ hasText: label(id) })
				.first()
				.click();
		}
		await page.getByRole('button', { name: 'Trouver les chemins' }).click();
		const results = page.getByTestId('path-results');
		await results.waitFor();
		const answer = await results.getByTestId('path').first().innerText();
		await page.waitForFunction(
			([x, y]) => new URL(location.href).searchParams.get('from') === String(x) && new URL(location.href).searchParams.get('to') === String(y),
			[a, c]
		);
		const shared = page.url();
		const other = await newPage(browser);
		await other.goto(shared.replace(baseUrl(), ''));
		await other.getByTestId('path-results').waitFor();
		expect(await other.getByTestId('path-results').getByTestId('path').first().innerText()).toBe(answer);
		await other.close();
	});

	it('exporte la vue : PNG, GEXF et GraphML valides et non vides', async () => {
		await page.goto('/reseau?kind=organisation');
		await graphReady(page);
		const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Image PNG' }).click()]);
		const bytes = await readDownload(png);
		expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
		for (const [name, tag] of [
			['GEXF (Gephi)', 'node'],
			['GraphML', 'node']
		] as const) {
			const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
			const text = (await readDownload(download)).toString('utf8');
			const counted = await page.evaluate(
				({ text, tag }) => {
					const doc = new DOMParser().parseFromString(text, 'application/xml');
					return doc.querySelector('parsererror') ? -1 : doc.getElementsByTagName(tag).length;
				},
				{ text, tag }
			);
			expect(counted, name).toBeGreaterThan(0);
		}
	});
});
