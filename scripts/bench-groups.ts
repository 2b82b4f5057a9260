/**
 * `npm run bench:groups`: the aggregated first view of /reseau (issue 18 §3) in headless Chromium, a benchmark
 * and not a timed test. On a copy of a 10,000-actor database (`--db=path`, default /tmp/probe10k.db; without
 * one, seeds `--scale=N`, 10,000 by default), starts the built server (`npx vite build` first), warms the
 * per-revision communities once, then opens /reseau in five fresh browser contexts and reports medians of:
 *  - navigation start → first frame with the groups drawn, and → interactive (that frame on screen, the main
 *    thread free for the pointer); budget 0.8 s / 1.2 s at 10k;
 *  - the groups API answer as the page received it (Resource Timing);
 *  - a click on a community → its members drawn.
 * Headless Chromium renders in software: compare versions by ratio.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_PATH } from './lib/chromium';
import { CHROMIUM_BASE_ARGS, CPU_2D_CANVAS_ARG, median, startApp, type StartedApp } from './lib/local-server';

const RUNS = 5;
const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const source = arg('db') ?? (existsSync('/tmp/probe10k.db') ? '/tmp/probe10k.db' : null);
const scale = arg('scale') ?? '10000';

interface Run {
	firstFrameMs: number;
	interactiveMs: number;
	apiMs: number;
	openMs: number;
	nodes: number;
	edges: number;
}

async function measure(browser: Browser, baseUrl: string): Promise<Run> {
	const context = await browser.newContext({ baseURL: baseUrl, locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
	const page = await context.newPage();
	page.setDefaultTimeout(30_000);
	await page.goto('/reseau');
	await page.waitForFunction(() => window.__cartoGroups?.interactiveMs != null);
	const first = await page.evaluate(() => {
		const api = performance.getEntriesByType('resource').find((r) => r.name.includes('/api/v1/graph/groups')) as PerformanceResourceTiming | undefined;
		const p = window.__cartoGroups!;
		return {
			firstFrameMs: p.firstFrameMs!,
			interactiveMs: p.interactiveMs!,
			apiMs: Math.round(api ? api.responseEnd - api.requestStart : NaN),
			nodes: p.nodes,
			edges: p.edges
		};
	});
	// Open the second community as a person would, and time it until its members are drawn.
	const at = await page.evaluate(() => {
		const cy = window.__cartoGroups!.cy!;
		const node = cy.nodes('.group')[1]!;
		// Into the window's upper third first: the frame may reach below the fold.
		window.scrollBy(0, cy.container()!.getBoundingClientRect().top + node.renderedPosition().y - window.innerHeight / 3);
		cy.resize(); // Cytoscape keeps where its canvas was on the page: told it moved
		const at = node.renderedPosition();
		const box = cy.container()!.getBoundingClientRect();
		return { x: box.left + at.x, y: box.top + at.y, draws: window.__cartoGroups!.draws };
	});
	const clicked = Date.now();
	await page.mouse.click(at.x, at.y);
	await page.waitForFunction((draws) => window.__cartoGroups!.draws > draws && window.__cartoGroups!.cy!.nodes('.member').length > 0, at.draws);
	await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
	const openMs = Date.now() - clicked;
	await context.close();
	return { ...first, openMs };
}

let app: StartedApp | undefined;
const dir = mkdtempSync(join(tmpdir(), 'carto-bench-groups-'));
try {
	const env = { ...process.env, DATABASE_URL: join(dir, 'bench.db') };
	if (source) copyFileSync(source, env.DATABASE_URL);
	else {
		const seeded = spawnSync('node_modules/.bin/tsx', ['scripts/db-seed.ts', '--scale', scale], { env, encoding: 'utf8' });
		if (seeded.status !== 0) throw new Error(`Échec du jeu de données :\n${seeded.stdout}\n${seeded.stderr}`);
	}
	app = await startApp(env, { stdio: ['ignore', 'ignore', 'inherit'], timeoutMs: 120_000 });
	const warm = Date.now();
	const answer = (await (await fetch(`${app.baseUrl}/api/v1/graph/groups?by=community`)).json()) as { actors: number; groups: unknown[] };
	console.log(`${answer.actors} acteurs, ${answer.groups.length} communautés (calculées une fois par révision : ${Date.now() - warm} ms au premier appel)`);
	const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_BASE_ARGS, CPU_2D_CANVAS_ARG] });
	try {
		await measure(browser, app.baseUrl); // the browser's own first start (code cache, fonts): not counted
		const runs: Run[] = [];
		for (let i = 0; i < RUNS; i++) runs.push(await measure(browser, app.baseUrl));
		const med = (f: (r: Run) => number) => median(runs.map(f));
		console.log(
			`Médianes sur ${RUNS} essais (${runs[0]!.nodes} nœuds, ${runs[0]!.edges} liens) : première image ${med((r) => r.firstFrameMs)} ms (budget 800), interactive ${med((r) => r.interactiveMs)} ms (budget 1200) ; ` +
				`réponse de l’API ${med((r) => r.apiMs)} ms ; ouverture d’une communauté ${med((r) => r.openMs)} ms`
		);
		console.log(JSON.stringify(runs));
	} finally {
		await browser.close();
	}
} finally {
	await app?.stop();
	rmSync(dir, { recursive: true, force: true });
}
