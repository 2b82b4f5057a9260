/**
 * The network as a journalist reads it: full names on hover and around a focused actor, the hovered
 * actor's neighbourhood standing out, the groups named, lone actors hidden when relations are filtered,
 * a shared path link that works like the path found by hand, the year slider's « toutes les années »,
 * a preview that Cytoscape takes over without moving, and files (PNG, GEXF, CSV) that say what they are.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseCsv } from 'csv-parse/sync';
import { baseUrl, launchBrowser, newPage, screenshot } from './browser';
import { canvasPixels, graphReady, readDownload } from './graph-helpers';

interface Api {
	nodes: { id: number; label: string; degree: number; communeName: string | null; communeCode: string | null }[];
	edges: { id: number; source: number; target: number; startDate: string | null; endDate: string | null }[];
}

const api = async <T>(path: string): Promise<T> => (await (await fetch(`${baseUrl()}${path}`)).json()) as T;

/**
 * Moves the mouse over an actor's node, as a person would. On a slow machine the worker's refinement
 * may still glide the node away while the mouse travels: like a person, look again and move again.
 */
async function hover(page: Page, id: number) {
	for (let attempt = 0; ; attempt++) {
		const at = await page.evaluate((n) => window.__cartoGraph?.cy?.getElementById(`n${n}`).renderedPosition(), id);
		const box = await page.getByTestId('network-canvas').boundingBox();
		await page.mouse.move((box?.x ?? 0) + (at?.x ?? 0), (box?.y ?? 0) + (at?.y ?? 0), { steps: 4 });
		try {
			await page.waitForFunction((n) => window.__cartoGraph?.hovered === n, id, { timeout: 3000 });
			return;
		} catch (error) {
			if (attempt >= 4) throw error;
			await page.mouse.move(0, 0);
		}
	}
}

const labelOf = (page: Page, id: number) => page.evaluate((n) => window.__cartoGraph?.label?.(n) ?? null, id);

describe('le réseau lisible', () => {
	let browser: Browser;
	let page: Page;
	let phone: Page;
	let phoneContext: BrowserContext;
	let graph: Api;

	beforeAll(async () => {
		browser = await launchBrowser();
		page = await newPage(browser);
		phoneContext = await browser.newContext({ baseURL: baseUrl(), locale: 'fr-FR', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
		phone = await phoneContext.newPage();
		phone.setDefaultTimeout(15_000);
		graph = await api<Api>('/api/v1/graph?limit=600');
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('au survol : le nom entier, ses voisins et leurs relations ressortent, le reste s’estompe', async () => {
		await page.goto('/reseau');
		await graphReady(page);
		// An actor with a long name (cut in the whole view) and a handful of neighbours, all named on hover.
		const hub = [...graph.nodes].filter((n) => n.label.length > 22 && n.degree >= 4 && n.degree <= 12).sort((a, b) => b.degree - a.degree)[0]!;
		const before = await canvasPixels(page);
		expect((await labelOf(page, hub.id))?.text).not.toBe(hub.label);
		await hover(page, hub.id);
		await page.waitForTimeout(300);
		const label = await labelOf(page, hub.id);
		expect(label).toMatchObject({ text: hub.label, shown: true });
		expect(label!.screenPx).toBeGreaterThanOrEqual(12);
		const state = await page.evaluate((n) => {
			const cy = window.__cartoGraph!.cy!;
			const near = cy.getElementById(`n${n}`).neighborhood('node');
			return {
				neighbours: near.map((m) => ({
					id: m.data('entityId') as number,
					name: m.data('label') as string,
					drawn: window.__cartoGraph!.label!(m.data('entityId'))
				})),
				dim: cy.elements('.dim').length,
				all: cy.elements().length,
				lit: cy.edges('.hover-edge').length
			};
		}, hub.id);
		expect(state.neighbours.length).toBeGreaterThanOrEqual(3);
		for (const m of state.neighbours) expect(m.drawn, m.name).toMatchObject({ text: m.name, shown: true });
		expect(state.lit).toBeGreaterThanOrEqual(state.neighbours.length);
		expect(state.dim / state.all).toBeGreaterThan(0.8);
		// The tooltip names the commune, never its code.
		const tip = page.getByRole('tooltip');
		await tip.getByText(hub.label).waitFor();
		if (hub.communeName) await tip.getByText(hub.communeName, { exact: false }).waitFor();
		expect(await tip.innerText()).not.toMatch(/\b\d{5}\b/);
		// Its count agrees with its number (a hub: several), never « relation(s) ».
		expect(await tip.innerText()).toMatch(/\n([2-9]|\d{2,}) relations dans la vue$/);
		// Pixels: the picture is still drawn, and most of it has faded.
		const after = await canvasPixels(page);
		expect(after.ink).toBeGreaterThan(0.005);
		expect(after.ink).toBeLessThan(before.ink);
		await screenshot(page, 'network-hover');
		await page.mouse.move(5, 5);
		await page.waitForFunction(() => window.__cartoGraph?.hovered === null && window.__cartoGraph.cy?.elements('.dim').length === 0);
		// The biggest hub: its name in full; its 30-odd neighbours stand out, their names as the zoom allows (else they would bury one another).
		const biggest = [...graph.nodes].sort((a, b) => b.degree - a.degree)[0]!;
		await hover(page, biggest.id);
		expect(await labelOf(page, biggest.id)).toMatchObject({ text: biggest.label, shown: true });
		// Its neighbourhood lights up once the pointer rests on it.
		await page.waitForFunction(() => (window.__cartoGraph?.cy?.nodes('.hover-near').length ?? 0) > 0);
		const lit = await page.evaluate((n) => {
			const cy = window.__cartoGraph!.cy!;
			return {
				near: cy.nodes('.hover-near').length,
				neighbours: cy.getElementById(`n${n}`).neighborhood('node').length,
				named: cy.nodes('.hover-named').length
			};
		}, biggest.id);
		expect(lit.neighbours).toBeGreaterThan(20);
		expect(lit.near).toBe(lit.neighbours + 1);
		expect(lit.named).toBe(1);
		await screenshot(page, 'network-hover-hub');
		await page.mouse.move(5, 5);
	});

	it('centré sur un acteur : tous les noms en entier, sans « … » (ordinateur et téléphone)', async () => {
		const hub = [...graph.nodes].sort((a, b) => b.degree - a.degree)[3]!;
		for (const [p, name] of [
			[page, 'network-focus-names'],
			[phone, 'network-focus-names-phone']
		] as const) {
			await p.goto(`/reseau?focus=${hub.id}`);
			await graphReady(p);
			await p.waitForTimeout(300);
			const labels = await p.evaluate(() => {
				const cy = window.__cartoGraph!.cy!;
				return cy.nodes(':visible').map((n) => ({ name: n.data('label') as string, drawn: window.__cartoGraph!.label!(n.data('entityId')) }));
			});
			expect(labels.length).toBeGreaterThan(3);
			for (const l of labels) {
				expect(l.drawn?.text, l.name).toBe(l.name);
				expect(l.drawn?.shown, l.name).toBe(true);
				expect(l.drawn?.text).not.toContain('…');
			}
			expect((await canvasPixels(p)).ink).toBeGreaterThan(0.02);
			await screenshot(p, name);
		}
		// The breadcrumb names the actor at once (from the server), not a number.
		await page.getByRole('navigation', { name: "Fil d'exploration" }).getByText(hub.label).waitFor();
	});

	it('« groupés par catégorie » : chaque groupe porte son nom, lisible', async () => {
		await page.goto('/reseau?layout=grouped');
		await graphReady(page);
		const groups = await page.evaluate(() =>
			window.__cartoGraph!.cy!.nodes('.group-label').map((g) => {
				const cy = window.__cartoGraph!.cy!;
				return { text: g.data('label') as string, px: Number(g.data('font')) * cy.zoom() };
			})
		);
		const categories = new Set((await api<{ nodes: { category: string }[] }>('/api/v1/graph?limit=600')).nodes.map((n) => n.category));
		expect(groups).toHaveLength(categories.size);
		for (const g of groups) {
			expect(g.text).toMatch(/^[A-ZÉ].* \(\d+\)$/);
			expect(g.px, g.text).toBeGreaterThanOrEqual(9);
		}
		expect((await canvasPixels(page)).ink).toBeGreaterThan(0.03);
		await screenshot(page, 'network-grouped-names');
	});

	it('« masquer les acteurs sans relation » : coché d’office avec un filtre de relation, gardé dans l’adresse', async () => {
		await page.goto('/reseau?type=founded');
		await graphReady(page);
		const box = page.getByRole('checkbox', { name: 'Masquer les acteurs sans relation' });
		expect(await box.isChecked()).toBe(true);
		const lonely = () => page.evaluate(() => window.__cartoGraph!.cy!.nodes(':visible').filter((n) => n.degree(false) === 0).length);
		const shown = await page.evaluate(() => window.__cartoGraph!.visibleNodes);
		expect(await lonely()).toBe(0);
		expect(shown).toBeGreaterThan(20);
		await screenshot(page, 'network-founded-linked');
		await box.uncheck();
		await page.waitForURL(/isolated=show/);
		await page.waitForFunction((n) => window.__cartoGraph?.ready && window.__cartoGraph.visibleNodes > n, shown);
		expect(await lonely()).toBeGreaterThan(20);
		// The exports follow the view.
		expect(await page.getByRole('link', { name: 'Relations (CSV)' }).getAttribute('href')).not.toContain('connected=1');
		await box.check();
		await page.waitForURL((u) => !u.search.includes('isolated'));
		expect(await page.getByRole('link', { name: 'GEXF (Gephi)' }).getAttribute('href')).toContain('connected=1');
	});

	it('un lien de chemin partagé fait comme le chemin trouvé à la main : « Chemin 2/3 », noms, boutons actifs (ordinateur et téléphone)', async () => {
		// Two actors with three paths between them.
		const ranked = [...graph.nodes].sort((a, b) => b.degree - a.degree);
		let pair: [number, number] | null = null;
		for (const a of ranked.slice(0, 6)) {
			for (const b of ranked.slice(20, 60)) {
				const r = await api<{ paths: unknown[] }>(`/api/v1/paths?from=${a.id}&to=${b.id}&k=3`);
				if (r.paths.length === 3) pair = [a.id, b.id];
				if (pair) break;
			}
			if (pair) break;
		}
		expect(pair).not.toBeNull();
		const [from, to] = pair!;
		const name = (id: number) => graph.nodes.find((n) => n.id === id)!.label;
		for (const [p, shot] of [
			[page, 'network-shared-path'],
			[phone, 'network-shared-path-phone']
		] as const) {
			let asked = 0;
			const count = (r: { url: () => string }) => void (r.url().includes('/api/v1/paths') && asked++);
			p.on('request', count);
			await p.goto(`/reseau?from=${from}&to=${to}&path=2`);
			await graphReady(p);
			const nav = p.getByTestId('path-navigator');
			await nav.getByText('Chemin 2/3').waitFor();
			expect(await nav.innerText()).toContain(`${name(from)} → ${name(to)}`);
			expect(await p.getByRole('combobox', { name: 'Acteur X', exact: true }).inputValue()).toBe(name(from));
			expect(await p.getByRole('combobox', { name: 'Acteur Y', exact: true }).inputValue()).toBe(name(to));
			// The second path is the one drawn, whole.
			const second = (await api<{ paths: { nodes: number[]; edges: { id: number }[] }[] }>(`/api/v1/paths?from=${from}&to=${to}&k=3`)).paths[1]!;
			await p.waitForFunction((n) => window.__cartoGraph?.cy?.edges('.path').length === n, second.edges.length);
			const drawn = await p.evaluate(() => window.__cartoGraph!.cy!.nodes('.path').map((n) => n.data('entityId') as number));
			expect(new Set(drawn)).toEqual(new Set(second.nodes));
			await p.waitForTimeout(800);
			for (const button of ['Trouver les chemins', 'Relations communes', 'Chemin précédent', 'Chemin suivant'])
				expect(await p.getByRole('button', { name: button }).isEnabled(), button).toBe(true);
			expect(asked, 'une seule question au serveur').toBe(1);
			expect((await canvasPixels(p)).ink).toBeGreaterThan(0.02);
			await screenshot(p, shot);
			p.off('request', count);
		}
		// The next path, and the address follows.
		await page.getByRole('button', { name: 'Chemin suivant' }).click();
		await page.getByTestId('path-navigator').getByText('Chemin 3/3').waitFor();
		await page.waitForFunction(() => new URL(location.href).searchParams.get('path') === '3');
		// Without `path`, a link shows the first one.
		await page.goto(`/reseau?from=${from}&to=${to}`);
		await page.getByTestId('path-navigator').getByText('Chemin 1/3').waitFor();
	});

	it('le curseur des années : tout à droite, « toutes les années » et tout le réseau', async () => {
		await page.goto('/reseau');
		await graphReady(page);
		const all = await page.evaluate(() => window.__cartoGraph!.visibleNodes);
		const slider = page.getByRole('slider');
		const [min, max] = [Number(await slider.getAttribute('min')), Number(await slider.getAttribute('max'))];
		await slider.fill(String(min + 4));
		await page.waitForURL(new RegExp(`year=${min + 4}`));
		await page.waitForFunction((n) => window.__cartoGraph!.visibleNodes < n, all);
		// Back to the far right, with the keyboard as with the mouse.
		await slider.focus();
		await page.keyboard.press('End');
		await page.getByTestId('time-slider').getByText('toutes les années').first().waitFor();
		await page.waitForURL((u) => !u.searchParams.has('year'));
		await page.waitForFunction((n) => window.__cartoGraph!.visibleNodes === n, all);
		expect(await slider.getAttribute('aria-valuetext')).toBe('toutes les années');
		// The stop before it is the last year, on its own.
		await slider.fill(String(max - 1));
		await page.waitForURL(new RegExp(`year=${max - 1}`));
		await slider.fill(String(max));
		await page.waitForURL((u) => !u.searchParams.has('year'));
		await screenshot(page, 'network-year-all');
	});

	it('l’aperçu du serveur et le graphe interactif montrent la même disposition : la relève ne bouge pas', async () => {
		for (const layout of ['grouped', 'geo', 'concentric']) {
			await page.goto(`/reseau?layout=${layout}`);
			await graphReady(page);
			// The preview is gone once Cytoscape has painted: its address is the preloaded positions' one.
			const json = await page.evaluate(
				() =>
					new URL(document.querySelector<HTMLLinkElement>('link[rel="preload"][href*="apercu.json"]')!.href).pathname +
					new URL(document.querySelector<HTMLLinkElement>('link[rel="preload"][href*="apercu.json"]')!.href).search
			);
			const src = json.replace('apercu.json', 'apercu.svg');
			expect(src).toContain(`layout=${layout}`);
			const svg = await (await fetch(`${baseUrl()}${src}`)).text();
			const [vx, vy, vw, vh] = /viewBox="([^"]+)"/.exec(svg)![1]!.split(' ').map(Number) as [number, number, number, number];
			const first = await api<{ positions: Record<string, [number, number]> }>(json);
			// Where each node stood in the preview (object-fit: contain, 30 px padding) and where Cytoscape draws it.
			const gaps = await page.evaluate(
				({ positions, vx, vy, vw, vh }) => {
					const cy = window.__cartoGraph!.cy!;
					const [w, h] = [cy.width() - 60, cy.height() - 60];
					const s = Math.min(w / vw, h / vh);
					const [ox, oy] = [30 + (w - vw * s) / 2, 30 + (h - vh * s) / 2];
					return Object.entries(positions).map(([id, [x, y]]) => {
						const r = cy.getElementById(id).renderedPosition();
						return Math.hypot(ox + (x - vx) * s - r.x, oy + (y - vy) * s - r.y);
					});
				},
				{ positions: first.positions, vx, vy, vw, vh }
			);
			expect(gaps.length).toBeGreaterThan(100);
			expect(Math.max(...gaps), layout).toBeLessThan(6);
		}
		// fcose: Cytoscape starts from the server's draft (the preview's picture), not from the map.
		await page.goto('/reseau');
		await graphReady(page);
		const steps = await page.evaluate(() => window.__cartoGraph!.steps);
		expect(steps).toHaveProperty('boot:seed-placed');
		expect(steps).not.toHaveProperty('boot:geo-placed');
	});

	it('l’image PNG porte un titre, la légende, la date et le crédit avec la mention démo', async () => {
		await page.goto('/reseau?kind=organisation');
		await graphReady(page);
		const size = await page.evaluate(() => ({ w: window.__cartoGraph!.cy!.width(), h: window.__cartoGraph!.cy!.height() }));
		const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Image PNG' }).click()]);
		const bytes = await readDownload(png);
		expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
		const { writeFileSync, mkdirSync } = await import('node:fs');
		mkdirSync('test-results', { recursive: true });
		writeFileSync('test-results/e2e-network-export.png', bytes);
		// Decoded by the browser: its size, and ink where the title, the legend and the credit go.
		const read = await page.evaluate(async (b64) => {
			const image = await createImageBitmap(new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], { type: 'image/png' }));
			const canvas = document.createElement('canvas');
			canvas.width = image.width;
			canvas.height = image.height;
			const ctx = canvas.getContext('2d')!;
			ctx.drawImage(image, 0, 0);
			const ink = (x: number, y: number, w: number, h: number, test = (r: number, g: number, b: number) => r + g + b < 3 * 200) => {
				const { data } = ctx.getImageData(Math.round(x), Math.round(y), Math.round(w), Math.round(h));
				let n = 0;
				for (let i = 0; i < data.length; i += 4) if (test(data[i]!, data[i + 1]!, data[i + 2]!)) n++;
				return n / (data.length / 4);
			};
			const W = image.width;
			const H = image.height;
			return {
				W,
				H,
				title: ink(0, 0, W * 0.6, H * 0.07),
				legend: ink(W * 0.8, H * 0.1, W * 0.2, H * 0.5),
				graph: ink(W * 0.05, H * 0.2, W * 0.6, H * 0.5, (r, g, b) => r + g + b < 3 * 245),
				footer: ink(0, H * 0.9, W * 0.7, H * 0.1),
				// The demo notice's yellow band.
				demo: ink(0, H * 0.8, W, H * 0.2, (r, g, b) => r > 240 && g > 230 && b < 215 && b > 180)
			};
		}, bytes.toString('base64'));
		expect(read.W).toBeGreaterThan(size.w * 2);
		expect(read.H).toBeGreaterThan(size.h * 2);
		expect(read.title).toBeGreaterThan(0.01);
		expect(read.legend).toBeGreaterThan(0.01);
		expect(read.graph).toBeGreaterThan(0.02);
		expect(read.footer).toBeGreaterThan(0.003);
		expect(read.demo).toBeGreaterThan(0.01);
	});

	it('le GEXF rejoue le temps dans Gephi, le CSV des relations s’ouvre comme dans Excel, la fiche nomme la commune', async () => {
		await page.goto('/reseau?territory=63');
		await graphReady(page);
		const [gexf] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'GEXF (Gephi)' }).click()]);
		const text = (await readDownload(gexf)).toString('utf8');
		const parsed = await page.evaluate((xml) => {
			const doc = new DOMParser().parseFromString(xml, 'application/xml');
			const g = doc.getElementsByTagName('graph')[0]!;
			const spells = [...doc.getElementsByTagName('spell')].map((s) => [s.getAttribute('start'), s.getAttribute('end')]);
			const communes = [...doc.getElementsByTagName('attvalue')].filter((a) => a.getAttribute('for') === 'commune').map((a) => a.getAttribute('value'));
			return { error: Boolean(doc.querySelector('parsererror')), mode: g.getAttribute('mode'), timeformat: g.getAttribute('timeformat'), spells, communes };
		}, text);
		expect(parsed).toMatchObject({ error: false, mode: 'dynamic', timeformat: 'date' });
		expect(parsed.spells.length).toBeGreaterThan(20);
		for (const [start, end] of parsed.spells) for (const d of [start, end]) if (d) expect(d).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		expect(parsed.communes).toContain('Clermont-Ferrand');

		const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Relations (CSV)' }).click()]);
		const body = (await readDownload(csv)).toString('utf8');
		expect(body.charCodeAt(0)).toBe(0xfeff);
		const rows: Record<string, string>[] = parseCsv(body, { bom: true, delimiter: ';', columns: true });
		const view = await api<Api>('/api/v1/graph?territory=63');
		expect(rows).toHaveLength(view.edges.length);
		expect(Object.keys(rows[0]!)).toEqual([
			'source_id',
			'source_name',
			'relation',
			'type',
			'target_id',
			'target_name',
			'start_date',
			'end_date',
			'confirmation',
			'citation'
		]);
		const names = new Set(view.nodes.map((n) => n.label));
		for (const r of rows) expect(names.has(r.source_name!) && names.has(r.target_name!)).toBe(true);

		// A click on an actor opens its card with the commune's name.
		const hub = [...view.nodes].filter((n) => n.communeName).sort((a, b) => b.degree - a.degree)[0]!;
		await hover(page, hub.id);
		await page.mouse.down();
		await page.mouse.up();
		const card = page.getByTestId('actor-card');
		await card.getByText(hub.communeName!).first().waitFor();
		expect(await card.innerText()).not.toContain(hub.communeCode!);
	});

	it('Échap rend le clavier au bouton qui a ouvert la fiche ou le panneau', async () => {
		await page.goto('/reseau');
		await graphReady(page);
		const table = page.getByTestId('key-actors');
		const first = table.getByRole('button').first();
		const name = await first.innerText();
		await first.focus();
		await page.keyboard.press('Enter');
		await page.getByTestId('actor-card').waitFor();
		await page.waitForFunction(() => document.activeElement?.id === 'actor-card-title');
		await page.keyboard.press('Escape');
		await page.getByTestId('actor-card').waitFor({ state: 'detached' });
		expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(name);

		const embed = page.getByRole('button', { name: 'Intégrer' });
		await embed.click();
		await page.getByTestId('embed-snippet').focus();
		await page.keyboard.press('Escape');
		await page.getByTestId('embed-snippet').waitFor({ state: 'detached' });
		expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Intégrer');
		expect(await embed.getAttribute('aria-expanded')).toBe('false');
	});
});
