import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { edgeColor } from '$lib/network/graph-style';
import { baseUrl, drawnShare, launchBrowser, newPage, screenshot } from './browser';
import { graphReady } from './graph-helpers';

interface Node {
	id: number;
	label: string;
	communeCode: string | null;
	lon: number | null;
	lat: number | null;
	degree: number;
}
interface Edge {
	id: number;
	source: number;
	target: number;
	type: string;
	startDate: string | null;
}
interface Paths {
	paths: { nodes: number[]; edges: Edge[] }[];
}

let browser: Browser;

/** What a phone shows first (the screen, not the whole page), under test-results/. */
async function screenShot(page: Page, name: string) {
	await page.screenshot({ path: `test-results/e2e-${name}.png` });
}
let graph: { nodes: Node[]; edges: Edge[] };
/** Two actors in different towns joined by a path of two relations between three towns, for the path tests. */
let chain: { from: Node; to: Node; path: Paths['paths'][number] };

async function api<T>(path: string): Promise<T> {
	const res = await fetch(`${baseUrl()}${path}`);
	expect(res.status).toBe(200);
	return (await res.json()) as T;
}

beforeAll(async () => {
	browser = await launchBrowser();
	graph = await api('/api/v1/graph?limit=600');
	const byId = new Map(graph.nodes.map((n) => [n.id, n]));
	const placed = (id: number) => byId.get(id)?.lon != null;
	// A chain a → b → c of three placed actors in three different towns.
	for (const e1 of graph.edges) {
		const a = byId.get(e1.source)!;
		const b = byId.get(e1.target)!;
		if (!placed(a.id) || !placed(b.id) || a.communeCode === b.communeCode) continue;
		const e2 = graph.edges.find(
			(e) => e.source === b.id && e.target !== a.id && placed(e.target) && ![a.communeCode, b.communeCode].includes(byId.get(e.target)!.communeCode)
		);
		if (!e2) continue;
		const c = byId.get(e2.target)!;
		const answer = await api<Paths>(`/api/v1/paths?from=${a.id}&to=${c.id}&k=1`);
		const path = answer.paths[0];
		if (path && path.edges.length === 2 && path.nodes.every(placed)) {
			chain = { from: a, to: c, path };
			break;
		}
	}
	expect(chain).toBeDefined();
}, 120_000);

afterAll(async () => {
	await browser?.close();
});

/** Both panes have drawn: the map is idle with its points, the graph is placed. */
async function panesReady(page: Page) {
	await page.waitForFunction(() => Boolean(window.__cartoMap?.firstIdleAt && window.__cartoMap.map));
	await graphReady(page);
}

async function mapIdle(page: Page) {
	await page.waitForFunction(() => window.__cartoMap?.map?.loaded() && !window.__cartoMap.map.isMoving());
	// Idle again after a repaint: a map already idle sends no new 'idle' until something is drawn.
	await page.evaluate(
		() =>
			new Promise<void>((r) => {
				const map = window.__cartoMap!.map!;
				map.once('idle', () => r());
				map.triggerRepaint();
			})
	);
}

const graphSelected = (page: Page) => page.evaluate(() => window.__cartoGraph?.cy?.$('node:selected').map((n) => n.data('entityId') as number) ?? []);
const mapSelected = (page: Page) => page.evaluate(() => String(window.__cartoMap?.selected));

/** Where an actor's point is on the screen, after bringing the map close to it (clusters open from zoom 12). */
async function pointOnMap(page: Page, node: Node): Promise<{ x: number; y: number }> {
	// The path finder's answer may have scrolled the page: the map must be on screen to be pointed at.
	await page.getByTestId('map').evaluate((el) => el.scrollIntoView({ block: 'center' }));
	await page.evaluate(({ lon, lat }) => window.__cartoMap?.map?.jumpTo({ center: [lon, lat], zoom: 14 }), { lon: node.lon!, lat: node.lat! });
	await mapIdle(page);
	return page.evaluate(
		({ lon, lat }) => {
			const map = window.__cartoMap!.map!;
			const p = map.project([lon, lat]);
			const box = map.getCanvas().getBoundingClientRect();
			return { x: box.left + p.x, y: box.top + p.y };
		},
		{ lon: node.lon!, lat: node.lat! }
	);
}

/** Clicks an actor's point on the map. */
async function clickOnMap(page: Page, node: Node) {
	const at = await pointOnMap(page, node);
	await page.mouse.click(at.x, at.y);
}

/** Where an actor's node is on the screen, brought to the middle of the graph. */
async function nodeOnScreen(page: Page, id: number): Promise<{ x: number; y: number }> {
	await page.getByTestId('explorer-graph').evaluate((el) => el.scrollIntoView({ block: 'center' }));
	const at = await page.evaluate((id) => {
		const cy = window.__cartoGraph!.cy!;
		const n = cy.getElementById(`n${id}`);
		cy.center(n);
		const p = n.renderedPosition();
		const box = (cy.container() as HTMLElement).getBoundingClientRect();
		return { x: box.left + p.x, y: box.top + p.y };
	}, id);
	await page.waitForTimeout(150);
	return at;
}

/** Taps an actor's node in the graph, where Cytoscape draws it. */
async function clickInGraph(page: Page, id: number) {
	const at = await nodeOnScreen(page, id);
	await page.mouse.click(at.x, at.y);
}

/**
 * Pixels of an arc as drawn: the arc layer's curve projected to the screen, and at each of its inner points
 * whether a pixel within 3 px has the arc's colour. Returns the share of points where it does.
 */
async function arcInk(page: Page, source: string, color: string, arcIndex = 0): Promise<number> {
	return page.evaluate(
		async ({ source, color, arcIndex }) => {
			const map = window.__cartoMap!.map!;
			const line = window.__cartoArcs!.layers[`${source}-lines`]!.lines().find((f) => f.properties.arc === arcIndex)!.geometry;
			const canvas = map.getCanvas();
			const copy = document.createElement('canvas');
			copy.width = canvas.width;
			copy.height = canvas.height;
			const ctx = copy.getContext('2d')!;
			ctx.drawImage(canvas, 0, 0);
			const ratio = canvas.width / canvas.clientWidth;
			const [r, g, b] = [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16));
			const inner = line.coordinates.slice(3, -3);
			let hits = 0;
			for (const c of inner) {
				const p = map.project(c as [number, number]);
				const { data: px } = ctx.getImageData(Math.round(p.x * ratio) - 3, Math.round(p.y * ratio) - 3, 7, 7);
				let near = false;
				for (let i = 0; i < px.length; i += 4) if (Math.abs(px[i]! - r!) + Math.abs(px[i + 1]! - g!) + Math.abs(px[i + 2]! - b!) < 60) near = true;
				if (near) hits++;
			}
			return hits / inner.length;
		},
		{ source, color, arcIndex }
	);
}

/**
 * Whether an arc is painted where its curve runs: the map's pixels around each inner point of the curve, read
 * with the arc layer shown and then hidden (the actors' points hidden both times, as they sit above arcs).
 * Returns the share of points where the pixels changed.
 */
async function arcDrawn(page: Page, source: string, arcIndex: number): Promise<number> {
	const read = () =>
		page.evaluate(
			async ({ source, arcIndex }) => {
				const map = window.__cartoMap!.map!;
				await new Promise<void>((r) => (map.once('idle', () => r()), map.triggerRepaint()));
				const line = window.__cartoArcs!.layers[`${source}-lines`]!.lines().find((f) => f.properties.arc === arcIndex)!.geometry;
				const canvas = map.getCanvas();
				const copy = document.createElement('canvas');
				copy.width = canvas.width;
				copy.height = canvas.height;
				const ctx = copy.getContext('2d')!;
				ctx.drawImage(canvas, 0, 0);
				const ratio = canvas.width / canvas.clientWidth;
				return line.coordinates.slice(3, -3).map((c) => {
					const p = map.project(c as [number, number]);
					return [...ctx.getImageData(Math.round(p.x * ratio) - 2, Math.round(p.y * ratio) - 2, 5, 5).data];
				});
			},
			{ source, arcIndex }
		);
	const visibility = (ids: string[], v: 'visible' | 'none') =>
		page.evaluate(({ ids, v }) => ids.forEach((id) => window.__cartoMap!.map!.setLayoutProperty(id, 'visibility', v)), { ids, v });
	const actors = ['actors-clusters', 'actors-precise', 'actors-approx'];
	const arcs = [`${source}-lines`];
	await visibility(actors, 'none');
	const shown = await read();
	await visibility(arcs, 'none');
	const hidden = await read();
	await visibility([...actors, ...arcs], 'visible');
	const changed = shown.filter((px, i) => px.some((v, j) => Math.abs(v - (hidden[i]![j] ?? v)) > 24));
	return changed.length / shown.length;
}

describe('/explorer: map and network side by side', () => {
	it('selecting on the map highlights in the graph, and back', async () => {
		const page = await newPage(browser);
		await page.goto('/explorer');
		await panesReady(page);
		await expect.poll(() => drawnShare(page, '[data-testid="map"] canvas')).toBeGreaterThan(0.05);
		await screenshot(page, 'explorer-desktop');

		const actor = chain.from;
		await clickOnMap(page, actor);
		await expect.poll(() => graphSelected(page)).toEqual([actor.id]);
		expect(new URL(page.url()).searchParams.get('actor')).toBe(String(actor.id));
		await expect.poll(() => page.getByTestId('actor-panel').textContent()).toContain(actor.label);

		await page.keyboard.press('Escape');
		await expect.poll(() => graphSelected(page)).toEqual([]);
		const other = graph.nodes.find((n) => n.lon != null && n.id !== actor.id && n.degree > 2)!;
		await clickInGraph(page, other.id);
		await expect.poll(() => mapSelected(page)).toBe(String(other.id));
		expect(new URL(page.url()).searchParams.get('actor')).toBe(String(other.id));

		// Hovering lights the actor up in the other view: the pointer on a node rings its point on the map…
		await page.keyboard.press('Escape');
		await expect.poll(() => graphSelected(page)).toEqual([]);
		const hover = graph.nodes.find((n) => n.lon != null && n.id !== other.id && n.id !== actor.id && n.degree > 1)!;
		const atNode = await nodeOnScreen(page, hover.id);
		// From outside the node (the last click left the pointer where the centred node now stands).
		await page.mouse.move(atNode.x - 60, atNode.y - 60);
		await page.mouse.move(atNode.x, atNode.y, { steps: 4 });
		await expect.poll(() => page.evaluate((id) => window.__cartoMap?.map?.getFeatureState({ source: 'actors', id }).hovered, hover.id)).toBe(true);
		// …and the pointer on a point lights its node (and neighbours) in the graph.
		const atPoint = await pointOnMap(page, actor);
		await page.mouse.move(atPoint.x - 30, atPoint.y - 30);
		await page.mouse.move(atPoint.x, atPoint.y, { steps: 3 });
		await expect.poll(() => page.evaluate(() => window.__cartoGraph?.cy?.$('node.hover').map((n) => n.data('entityId') as number) ?? [])).toEqual([actor.id]);
		await page.close();
	});

	it('draws a path found in the graph on the map, numbered, and a reload restores selection, focus and path', async () => {
		const page = await newPage(browser);
		await page.goto(`/explorer?focus=${chain.from.id}`);
		await panesReady(page);
		// The focus's neighbourhood is on the map as arcs.
		await page.waitForFunction(() => (window.__cartoArcs?.arcs ?? 0) > 0);

		for (const [field, node] of [
			['Acteur X', chain.from],
			['Acteur Y', chain.to]
		] as const) {
			await page.getByRole('combobox', { name: field }).fill(node.label);
			await page
				.getByRole('option', { name: new RegExp(node.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })
				.first()
				.click();
		}
		await page.getByRole('button', { name: 'Trouver les chemins' }).click();
		await expect.poll(() => page.getByTestId('arc-step').count()).toBe(2);
		expect(await page.getByTestId('arc-step').allTextContents()).toEqual(['1', '2']);
		const url = new URL(page.url());
		expect(url.searchParams.get('from')).toBe(String(chain.from.id));
		expect(url.searchParams.get('to')).toBe(String(chain.to.id));
		expect(url.searchParams.get('focus')).toBe(String(chain.from.id));

		// Frame the path on the map and read its first step's pixels along the curve.
		await page.evaluate(
			(pts) => {
				const lons = pts.map((p) => p.lon);
				const lats = pts.map((p) => p.lat);
				window.__cartoMap?.map?.fitBounds(
					[
						[Math.min(...lons), Math.min(...lats)],
						[Math.max(...lons), Math.max(...lats)]
					],
					{ padding: 60, duration: 0 }
				);
			},
			chain.path.nodes.map((id) => {
				const n = graph.nodes.find((m) => m.id === id)!;
				return { lon: n.lon!, lat: n.lat! };
			})
		);
		await mapIdle(page);
		const first = chain.path.edges[0]!;
		expect(await arcInk(page, 'path-arcs', edgeColor(first.type), 0)).toBeGreaterThan(0.6);
		// The graph shows the same chain.
		const chained = await page.evaluate(() => window.__cartoGraph?.cy?.nodes('.path').map((n) => n.data('entityId') as number) ?? []);
		expect(chained.sort()).toEqual([...chain.path.nodes].sort());
		await screenshot(page, 'explorer-path');

		// Select an actor, then reload: selection, focus and path come back from the address.
		await clickOnMap(page, chain.to);
		await expect.poll(() => new URL(page.url()).searchParams.get('actor')).toBe(String(chain.to.id));
		const at = new URL(page.url()).searchParams.get('at');
		expect(at).toMatch(/^\d+\.\d+,\d+\.\d+,\d+(\.\d+)?$/);
		await page.reload();
		await panesReady(page);
		// The camera too: the map opens where it was.
		const [lat, lng, zoom] = at!.split(',').map(Number) as [number, number, number];
		const camera = await page.evaluate(() => ({ c: window.__cartoMap!.map!.getCenter(), z: window.__cartoMap!.map!.getZoom() }));
		expect(Math.abs(camera.c.lat - lat)).toBeLessThan(0.001);
		expect(Math.abs(camera.c.lng - lng)).toBeLessThan(0.001);
		expect(Math.abs(camera.z - zoom)).toBeLessThan(0.05);
		await expect.poll(() => page.getByTestId('arc-step').count()).toBe(2);
		await expect.poll(() => graphSelected(page)).toEqual([chain.to.id]);
		await expect.poll(() => mapSelected(page)).toBe(String(chain.to.id));
		await expect.poll(() => page.evaluate(() => window.__cartoGraph?.cy?.$('node.focus').map((n) => n.data('entityId') as number))).toEqual([chain.from.id]);
		await page.close();
	});

	it('the year slider changes both views', async () => {
		const hub = [...graph.nodes].sort((a, b) => b.degree - a.degree)[0]!;
		const page = await newPage(browser);
		await page.goto(`/explorer?focus=${hub.id}`);
		await panesReady(page);
		await page.waitForFunction(() => (window.__cartoArcs?.arcs ?? 0) > 0);
		const before = await page.evaluate(() => ({
			visible: window.__cartoGraph!.visibleNodes,
			active: window.__cartoArcs!.active,
			arcs: window.__cartoArcs!.arcs
		}));
		expect(before.active).toBe(before.arcs);
		const slider = page.getByRole('slider');
		await slider.focus();
		await page.keyboard.press('Home');
		await expect.poll(() => new URL(page.url()).searchParams.get('year')).not.toBeNull();
		await expect.poll(() => page.evaluate(() => window.__cartoGraph!.visibleNodes)).toBeLessThan(before.visible);
		await expect.poll(() => page.evaluate(() => window.__cartoArcs!.active)).toBeLessThan(before.arcs);
		// The actors the graph hides that year are veiled on the map.
		const veiled = () =>
			page.evaluate(
				async () =>
					(
						(await (
							window.__cartoMap!.map!.getSource('inactive-points') as unknown as { getData: () => Promise<GeoJSON.FeatureCollection> }
						).getData()) as GeoJSON.FeatureCollection
					).features.length
			);
		await expect.poll(veiled).toBeGreaterThan(0);
		await expect.poll(veiled).toBe(await page.evaluate(() => window.__cartoExplorer!.hiddenNodes));
		await page.close();
	});

	it('on a phone, one view at a time with a Carte / Réseau toggle kept in the address', async () => {
		const context = await browser.newContext({ baseURL: baseUrl(), locale: 'fr-FR', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
		const page = await context.newPage();
		await page.goto('/explorer');
		await page.waitForFunction(() => Boolean(window.__cartoMap?.firstIdleAt));
		await expect(page.getByTestId('map').isVisible()).resolves.toBe(true);
		await expect(page.getByTestId('explorer-graph').isVisible()).resolves.toBe(false);
		await screenShot(page, 'explorer-phone-carte');
		await page.getByRole('button', { name: 'Réseau', exact: true }).click();
		await expect.poll(() => page.getByTestId('explorer-graph').isVisible()).toBe(true);
		await expect(page.getByTestId('map').isVisible()).resolves.toBe(false);
		await expect.poll(() => new URL(page.url()).searchParams.get('pane')).toBe('reseau');
		await graphReady(page);
		await page.waitForTimeout(400);
		await screenShot(page, 'explorer-phone-reseau');
		await context.close();
	});

	it('the separator between the views is moved with the keyboard', async () => {
		const page = await newPage(browser);
		await page.goto('/explorer');
		// The page answers keys once it is live (on a busy machine a key pressed into the server's HTML is lost).
		await panesReady(page);
		const separator = page.getByRole('separator', { name: 'Séparation entre la carte et le réseau' });
		const width = () => page.getByTestId('map').evaluate((el) => el.getBoundingClientRect().width);
		const before = await width();
		await separator.focus();
		await page.keyboard.press('ArrowRight');
		await page.keyboard.press('ArrowRight');
		await expect.poll(width).toBeGreaterThan(before + 40);
		expect(await separator.getAttribute('aria-valuenow')).toBe('60');
		await page.close();
	});
});

describe('/carte: relations on the map', () => {
	it('draws the relations as arcs and lists an arc’s relations with their sources', async () => {
		const page = await newPage(browser);
		await page.goto('/carte');
		await page.waitForFunction(() => Boolean(window.__cartoMap?.firstIdleAt));
		await page.getByRole('checkbox', { name: 'Relations', exact: true }).check();
		await expect.poll(() => new URL(page.url()).searchParams.get('arcs')).toBe('1');
		await page.waitForFunction(() => (window.__cartoArcs?.arcs ?? 0) > 10);
		await mapIdle(page);
		// An arc clear of the actors' points, clicked at its middle.
		const target = await page.evaluate(async () => {
			const map = window.__cartoMap!.map!;
			const layer = window.__cartoArcs!.layers['relations-lines']!;
			const box = map.getCanvas().getBoundingClientRect();
			const actors = ['actors-clusters', 'actors-precise', 'actors-approx'];
			for (const f of layer.lines()) {
				const coords = f.geometry.coordinates;
				const p = map.project(coords[Math.floor(coords.length / 2)] as [number, number]);
				// On the screen (the map runs below the fold on a laptop), away from its edges.
				if (p.x < 20 || p.y < 20 || p.x > box.width - 20 || p.y > box.height - 20 || box.top + p.y > innerHeight - 20) continue;
				// No actor's point there, and this arc on top of those crossing there (the one a click opens).
				if (map.queryRenderedFeatures([p.x, p.y], { layers: actors }).length > 0) continue;
				if (layer.arcAt(p.x, p.y) === f.properties.arc)
					return { x: box.left + p.x, y: box.top + p.y, arc: f.properties.arc, color: f.properties.color, count: f.properties.count };
			}
			return null;
		});
		expect(target).not.toBeNull();
		expect(await arcDrawn(page, 'relations', target!.arc)).toBeGreaterThan(0.8);
		await mapIdle(page);
		await page.mouse.click(target!.x, target!.y);
		const panel = page.getByTestId('arc-relations');
		await expect.poll(() => panel.isVisible()).toBe(true);
		// As many sentences, each with its source, as the heading counts (arcs cross: the one on top opens).
		const heading = (await panel.getByRole('heading').textContent()) ?? '';
		expect(heading).toMatch(/^\d+ relations?\u00a0: .+ → .+$/);
		const listed = Math.min(40, Number(heading.split(' ')[0]));
		expect(listed).toBeGreaterThan(0);
		expect(await panel.getByTestId('arc-relation').count()).toBe(listed);
		expect(await panel.getByTestId('source').count()).toBe(listed);
		await screenshot(page, 'carte-relations');

		// Flows between intercommunalities: fewer, wider arcs between their centres.
		await page.keyboard.press('Escape');
		await page.getByRole('checkbox', { name: 'Relations', exact: true }).uncheck();
		await page.getByRole('checkbox', { name: 'Flux entre intercommunalités' }).check();
		await expect.poll(() => new URL(page.url()).searchParams.get('flows')).toBe('1');
		await page.waitForFunction(() => (window.__cartoArcs?.arcs ?? 0) > 0);
		await mapIdle(page);
		await screenshot(page, 'carte-flows');
		await page.close();
	});

	it('on a phone, the relations layer draws too', async () => {
		const context = await browser.newContext({ baseURL: baseUrl(), locale: 'fr-FR', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
		const page = await context.newPage();
		await page.goto('/carte?arcs=1');
		await page.waitForFunction(() => (window.__cartoArcs?.arcs ?? 0) > 10);
		await mapIdle(page);
		await screenShot(page, 'carte-relations-phone');
		await context.close();
	});
});
