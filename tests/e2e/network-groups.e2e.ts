/**
 * The aggregated first view of /reseau on a 10,000-actor directory (issue 18 §3): the network opens grouped by
 * community, a click opens a community in place (its members drawn around it, the address keeping it), and a
 * path between two communities is drawn with its steps opened. Its own server on a copy of the 10k database
 * (scripts/lib/scale-db.ts: a copy of CARTO_SCALE_DB, or of this run's 10k seed, else seeded), started the README's way.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type StartedApp } from '../../scripts/lib/local-server';
import { scaleDatabase } from '../../scripts/lib/scale-db';
import type { GraphGroupsResponse } from '../../src/lib/domain/api/groups-response';
import { launchBrowser } from './browser';
import { canvasPixels } from './graph-helpers';

/** Share of non-white pixels and distinct colours over the groups view's stacked canvases. */
const groupPixels = (page: Page) => canvasPixels(page, 'groups-canvas');

/** Waits for the groups view to have drawn `draws` answers. */
const drawn = (page: Page, draws = 1) =>
	page.waitForFunction((n) => (window.__cartoGroups?.draws ?? 0) >= n && window.__cartoGroups?.firstFrameMs != null, draws);

/** Polls the drawn share until it passes `min` (Cytoscape paints on the next animation frame). */
async function inkAtLeast(page: Page, min: number): Promise<number> {
	let ink = 0;
	for (let i = 0; i < 40 && ink <= min; i++) {
		ink = (await groupPixels(page)).ink;
		if (ink <= min) await page.waitForTimeout(250);
	}
	return ink;
}

/**
 * Where an element of the groups view is on the page (its centre, or a line's middle), brought into the
 * window's upper third first (the frame may reach below the fold; a phone's card covers the lower half).
 */
function spotOf(page: Page, id: string) {
	return page.evaluate((key) => {
		const cy = window.__cartoGroups!.cy!;
		const ele = cy.getElementById(key);
		const first = ele.isEdge()
			? (ele as unknown as import('cytoscape').EdgeSingular).renderedMidpoint()
			: (ele as unknown as import('cytoscape').NodeSingular).renderedPosition();
		window.scrollBy(0, cy.container()!.getBoundingClientRect().top + first.y - window.innerHeight / 3);
		// Cytoscape keeps where its canvas was on the page: told it moved, it maps the pointer right.
		cy.resize();
		const p = ele.isEdge()
			? (ele as unknown as import('cytoscape').EdgeSingular).renderedMidpoint()
			: (ele as unknown as import('cytoscape').NodeSingular).renderedPosition();
		const box = cy.container()!.getBoundingClientRect();
		return { x: box.left + p.x, y: box.top + p.y };
	}, id);
}

const hasNode = (page: Page, id: string) => page.evaluate((key) => !window.__cartoGroups!.cy!.getElementById(key).empty(), id);

describe('/reseau regroupé, 10 000 acteurs', () => {
	let app: StartedApp;
	let dir: string;
	let browser: Browser;
	let first: GraphGroupsResponse;

	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), 'carto-groups-'));
		app = await startApp(scaleDatabase(dir, 10_000), { timeoutMs: 120_000 });
		// The communities are computed once per revision (a few seconds at 10k, in a worker): done before the clock starts.
		first = (await (await fetch(`${app.baseUrl}/api/v1/graph/groups?by=community`)).json()) as GraphGroupsResponse;
		browser = await launchBrowser();
	}, 600_000);
	afterAll(async () => {
		await browser?.close();
		await app?.stop();
		if (dir) rmSync(dir, { recursive: true, force: true });
	});

	const open = async (viewport = { width: 1280, height: 900 }) => {
		const context = await browser.newContext({ baseURL: app.baseUrl, locale: 'fr-FR', viewport });
		const page = await context.newPage();
		page.setDefaultTimeout(30_000);
		return page;
	};

	it('s’ouvre regroupé par communauté : une dizaine de groupes dessinés (pixels), nommés « autour de … »', async () => {
		expect(first.grouped).toBe(true);
		expect(first.actors).toBe(10_000);
		const page = await open();
		await page.goto('/reseau');
		await drawn(page);
		const probe = await page.evaluate(() => ({ ...window.__cartoGroups, cy: null }));
		expect(probe.nodes).toBe(first.groups.length);
		expect(probe.edges).toBe(first.links.length);
		// The groups' answer was announced by the page (preload) and asked once, before the page's scripts had run.
		const asked = await page.evaluate(() => {
			const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
			const answers = performance.getEntriesByType('resource').filter((r) => r.name.includes('/api/v1/graph/groups'));
			return { count: answers.length, startedBeforeScripts: answers.every((r) => r.startTime < nav.domContentLoadedEventStart) };
		});
		expect(asked).toEqual({ count: 1, startedBeforeScripts: true });
		const pixels = await groupPixels(page);
		expect(pixels.ink).toBeGreaterThan(0.03);
		expect(pixels.colours).toBeGreaterThanOrEqual(4);
		await page.getByText(new RegExp(`${first.groups.length} groupes de 10\\s000 acteurs`)).waitFor();
		expect(await page.getByLabel('Regrouper').inputValue()).toBe('community');
		// Hovering the thickest line tells its relations by type.
		const thickest = [...first.links].sort((a, b) => b[2] - a[2])[0]!;
		const at = await spotOf(page, `l:${thickest[0]}|${thickest[1]}`);
		await page.mouse.move(at.x, at.y);
		const tip = page.getByRole('tooltip');
		await tip.waitFor();
		// The pointer may rest on a line crossing it: whichever it is, its tip counts that line's relations by type.
		const text = (await tip.textContent()) ?? '';
		const count = Number(/^(\d+) relations entre/.exec(text)?.[1]);
		expect(first.links.map((l) => l[2])).toContain(count);
		expect(text).toMatch(/partenaire de\s?: \d+|membre de\s?: \d+|participe à\s?: \d+/);
		await page.screenshot({ path: 'test-results/e2e-groups-10k.png' });
		const phone = await open({ width: 390, height: 844 });
		await phone.goto('/reseau');
		await drawn(phone);
		expect((await groupPixels(phone)).ink).toBeGreaterThan(0.02);
		await phone.screenshot({ path: 'test-results/e2e-groups-10k-phone.png', fullPage: true });
	});

	it('un clic sur une communauté l’ouvre sur place : ses membres autour, le reste immobile, l’adresse s’en souvient', async () => {
		const page = await open();
		await page.goto('/reseau');
		await drawn(page);
		const g = first.groups[1]!;
		const before = await page.evaluate(() => window.__cartoGroups!.cy!.nodes().map((n) => [n.id(), n.position('x'), n.position('y')] as const));
		const at = await spotOf(page, g.id);
		await page.mouse.click(at.x, at.y);
		await page.waitForURL((url) => url.searchParams.getAll('open').includes(g.key));
		await page.waitForFunction((id) => !window.__cartoGroups!.cy!.getElementById(id).empty(), `n${g.hub!.id}`);
		const members = await page.evaluate(() => window.__cartoGroups!.cy!.nodes('.member').length);
		expect(members).toBe(Math.min(g.size, 200));
		// The other groups did not move.
		const after = new Map(await page.evaluate(() => window.__cartoGroups!.cy!.nodes().map((n) => [n.id(), [n.position('x'), n.position('y')]] as const)));
		for (const [id, x, y] of before) if (id !== g.id) expect(after.get(id)).toEqual([x, y]);
		await page.getByRole('button', { name: `Refermer « autour de ${g.hub!.label} »` }).waitFor();
		await page.screenshot({ path: 'test-results/e2e-groups-10k-open.png' });
		// Its members are actors like any other: a click on the hub (or a member drawn over it) opens that actor's card.
		const hub = await spotOf(page, `n${g.hub!.id}`);
		await page.mouse.click(hub.x, hub.y);
		await page.waitForURL((url) => url.searchParams.has('actor'));
		const picked = Number(new URL(page.url()).searchParams.get('actor'));
		const { name } = (await (await fetch(`${app.baseUrl}/api/v1/entities/${picked}`)).json()) as { name: string };
		await page.getByRole('heading', { name }).first().waitFor();
		// Reloading draws the same picture.
		await page.reload();
		await drawn(page);
		expect(await hasNode(page, `n${g.hub!.id}`)).toBe(true);
		expect(await page.evaluate(() => window.__cartoGroups!.cy!.nodes('.member').length)).toBe(members);
	});

	it('un chemin entre deux communautés est dessiné ouvert : ses étapes et ses relations, en couleur', async () => {
		const [a, b] = [first.groups[0]!.hub!.id, first.groups[2]!.hub!.id];
		const page = await open();
		await page.goto(`/reseau?from=${a}&to=${b}`);
		await page.waitForFunction(() => (window.__cartoGroups?.cy?.nodes('.path').length ?? 0) >= 2, undefined, { timeout: 30_000 });
		const path = await page.evaluate(() => ({
			nodes: window.__cartoGroups!.cy!.nodes('.path').map((n) => n.id()),
			edges: window.__cartoGroups!.cy!.edges('.path').map((e) => e.id())
		}));
		expect(path.nodes).toContain(`n${a}`);
		expect(path.nodes).toContain(`n${b}`);
		expect(path.edges.length).toBe(path.nodes.length - 1);
		expect(await inkAtLeast(page, 0.03)).toBeGreaterThan(0.03);
		await page.screenshot({ path: 'test-results/e2e-groups-10k-path.png' });
	});
});
