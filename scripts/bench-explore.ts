/**
 * `npm run bench:explore`: the explorer (/explorer) and the map's relations layer at the 10k scale, in headless
 * Chromium with software rendering (a benchmark, not a timed test; not part of `npm test`). Seeds a temporary
 * database, starts the built server (`npx vite build` first), and reports the median of RUNS fresh contexts:
 *  - navigation start -> both views idle (map idle with its points, graph placed and painted) (budget 2 s);
 *  - an actor clicked on the map -> selected and painted in the graph, and back: tapped in the graph -> ringed on
 *    the map, on screen (budget 100 ms each way). As a person's, the pointer comes to rest on the actor first (its
 *    hover lit in the other view), then presses: the time runs from the press. The hover is its own gesture and
 *    its own redraw; a pointer teleported and pressed in the same millisecond made the click wait behind it;
 *  - a year chosen on the slider -> redrawn in both views (graph painted, the map's arcs idle) (budget 200 ms);
 *  - /carte?arcs=1: 5,000 arcs handed to MapLibre -> the map idle with them drawn (budget 300 ms).
 * Times come from the pages' probes (window.__cartoMap, __cartoGraph, __cartoArcs; performance.now()).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_PATH } from './lib/chromium';
import { CHROMIUM_BASE_ARGS, CPU_2D_CANVAS_ARG, median, startApp, type StartedApp } from './lib/local-server';

const RUNS = Math.max(3, Number(process.argv.find((a) => a.startsWith('--runs='))?.split('=')[1] ?? 3));
const SCALE = Number(process.argv.find((a) => a.startsWith('--scale='))?.split('=')[1] ?? 10_000);
const BUDGET = { idleMs: 2000, selectMs: 100, yearMs: 200, arcsMs: 300 };

interface Run {
	idleMs: number;
	mapToGraphMs: number;
	graphToMapMs: number;
	yearMs: number;
	arcsMs: number;
	arcs: number;
	arcsComputeMs: number;
	points: number;
	graphNodes: number;
}

interface Hub {
	id: number;
	lon: number;
	lat: number;
}

/** Navigation -> both panes idle: the map with its points, the graph placed and painted. */
async function bothIdle(page: Page): Promise<number> {
	await page.waitForFunction(() => Boolean(window.__cartoMap?.firstIdleAt && window.__cartoGraph?.ready && window.__cartoGraph.firstFrameMs), undefined, {
		timeout: 60_000,
		polling: 'raf'
	});
	return page.evaluate(() => Math.max(window.__cartoMap!.firstIdleAt!, window.__cartoGraph!.firstFrameMs!));
}

/** How long the pointer rests on its target before pressing: past the graph's hover intent (120 ms) and its frames. */
const REST_MS = 400;

/** The pointer moved onto an actor and left there until the other view has lit it (hover) and settled. */
async function restOn(page: Page, at: { x: number; y: number }, id: number): Promise<void> {
	await page.mouse.move(at.x, at.y);
	await page.waitForFunction((id) => window.__cartoGraph?.hovered === id, id, { timeout: 10_000 });
	await page.waitForTimeout(REST_MS);
}

/** A click on the actor's point on the map -> its node selected and painted in the graph. */
async function mapToGraph(page: Page, hub: Hub): Promise<number> {
	await page.evaluate(({ lon, lat }) => window.__cartoMap!.map!.jumpTo({ center: [lon, lat], zoom: 15 }), hub);
	await page.waitForFunction(() => window.__cartoMap!.map!.loaded() && !window.__cartoMap!.map!.isMoving());
	await page.evaluate(() => new Promise<void>((r) => (window.__cartoMap!.map!.once('idle', () => r()), window.__cartoMap!.map!.triggerRepaint())));
	const at = await page.evaluate((hub) => {
		const map = window.__cartoMap!.map!;
		const p = map.project([hub.lon, hub.lat]);
		const box = map.getCanvas().getBoundingClientRect();
		const cy = window.__cartoGraph!.cy!;
		const w = window as unknown as { __t0: number; __t1: number };
		w.__t0 = 0;
		w.__t1 = 0;
		map.getCanvas().addEventListener('pointerdown', (e) => (w.__t0 = e.timeStamp), { once: true, capture: true });
		cy.one('select', 'node', () => requestAnimationFrame(() => requestAnimationFrame(() => (w.__t1 = performance.now()))));
		return { x: box.left + p.x, y: box.top + p.y };
	}, hub);
	await restOn(page, at, hub.id);
	await page.mouse.down();
	await page.mouse.up();
	await page.waitForFunction(() => (window as unknown as { __t1: number }).__t1 > 0, undefined, { timeout: 10_000 });
	return page.evaluate(() => {
		const w = window as unknown as { __t0: number; __t1: number };
		return w.__t1 - w.__t0;
	});
}

/** A tap on another node in the graph -> its ring on the map, on screen. */
async function graphToMap(page: Page, hub: number): Promise<number> {
	const at = await page.evaluate((hub) => {
		const cy = window.__cartoGraph!.cy!;
		// One of the focus's neighbours, brought to the middle of the graph.
		const n = cy.nodes().filter((m) => m.id() !== `n${hub}` && !m.hasClass('decor'))[0]!;
		const id = n.data('entityId') as number;
		cy.center(n);
		const p = n.renderedPosition();
		const box = (cy.container() as HTMLElement).getBoundingClientRect();
		const w0 = window as unknown as { __target: number };
		w0.__target = id;
		const w = window as unknown as { __t0: number; __t1: number };
		w.__t0 = 0;
		w.__t1 = 0;
		(cy.container() as HTMLElement).addEventListener('mousedown', (e) => (w.__t0 = e.timeStamp), { once: true, capture: true });
		// The ring on the map on screen: two frames after the map's layer placed it (see ActorPointsLayer; no named
		// function here: the page runs this code as it is).
		const hook = window.__cartoMap!;
		const timer = setInterval(() => {
			if (w.__t0 > 0 && hook.selected === id && (hook.selectedPaintedAt ?? 0) > w.__t0) {
				w.__t1 = hook.selectedPaintedAt!;
				clearInterval(timer);
			}
		}, 2);
		return { x: box.left + p.x, y: box.top + p.y };
	}, hub);
	await restOn(page, at, await page.evaluate(() => (window as unknown as { __target: number }).__target));
	await page.mouse.down();
	await page.mouse.up();
	await page.waitForFunction(() => (window as unknown as { __t1: number }).__t1 > 0, undefined, { timeout: 10_000 });
	return page.evaluate(() => {
		const w = window as unknown as { __t0: number; __t1: number };
		return w.__t1 - w.__t0;
	});
}

/** A key on the year slider -> the graph painted with the year's actors and the map's arcs idle. */
async function yearChange(page: Page): Promise<number> {
	const slider = page.getByRole('slider');
	await slider.focus();
	const before = await page.evaluate(() => ({ draws: window.__cartoArcs?.draws ?? 0 }));
	await page.evaluate(() => {
		const w = window as unknown as { __t0: number; __tg: number };
		w.__t0 = 0;
		w.__tg = 0;
		document.querySelector('input[type=range]')!.addEventListener(
			'keydown',
			(e) => {
				w.__t0 = e.timeStamp;
				requestAnimationFrame(() => requestAnimationFrame(() => (w.__tg = performance.now())));
			},
			{ once: true, capture: true }
		);
	});
	await page.keyboard.press('Home');
	await page.waitForFunction(
		(draws) => (window as unknown as { __tg: number }).__tg > 0 && (window.__cartoArcs?.draws ?? 0) > draws && window.__cartoArcs?.pendingSince === null,
		before.draws,
		{ timeout: 10_000 }
	);
	return page.evaluate(() => {
		const w = window as unknown as { __t0: number; __tg: number };
		const arcs = window.__cartoArcs!;
		const mapDone = (arcs.drawnAt ?? 0) - w.__t0;
		return Math.max(w.__tg - w.__t0, mapDone);
	});
}

async function measure(browser: Browser, baseUrl: string, hubs: Hub[]): Promise<Run> {
	const context = await browser.newContext({ baseURL: baseUrl, locale: 'fr-FR', viewport: { width: 1600, height: 1000 } });
	const page = await context.newPage();
	page.setDefaultTimeout(60_000);
	const [hub] = hubs as [Hub];
	await page.goto(`/explorer?focus=${hub.id}`);
	const idleMs = await bothIdle(page);
	await page.waitForFunction(() => (window.__cartoArcs?.arcs ?? 0) > 0);
	const graphNodes = await page.evaluate(() => window.__cartoGraph!.nodeCount);
	const points = await page.evaluate(() => window.__cartoMap!.pointCount);
	const mapToGraphMs = await mapToGraph(page, hub);
	await page.keyboard.press('Escape');
	const graphToMapMs = await graphToMap(page, hub.id);
	const yearMs = await yearChange(page);

	// The map settled first (points clustered, town names drawn), then « Relations » ticked: the arcs' own drawing.
	await page.goto('/carte');
	await page.waitForFunction(() => window.__cartoMap?.firstIdleAt != null, undefined, { timeout: 60_000 });
	await page.waitForLoadState('networkidle');
	await page.waitForFunction(() => window.__cartoMap?.idle === true);
	await page.getByRole('checkbox', { name: 'Relations', exact: true }).check();
	await page.waitForFunction(
		() => (window.__cartoArcs?.arcs ?? 0) > 0 && window.__cartoArcs?.lastDrawMs != null && window.__cartoArcs?.pendingSince === null,
		undefined,
		{ timeout: 60_000 }
	);
	const { arcsMs, arcs, arcsComputeMs } = await page.evaluate(() => ({
		arcsMs: window.__cartoArcs!.lastDrawMs!,
		arcs: window.__cartoArcs!.arcs,
		arcsComputeMs: window.__cartoArcs!.computeMs ?? NaN
	}));
	await context.close();
	return { idleMs, mapToGraphMs, graphToMapMs, yearMs, arcsMs, arcs, arcsComputeMs, points, graphNodes };
}

if (!existsSync('build/index.js')) {
	console.error('Aucune construction dans build/ : lancez « npx vite build » avant « npm run bench:explore ».');
	process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), 'carto-bench-explore-'));
let app: StartedApp | undefined;
let browser: Browser | undefined;
try {
	const env = { ...process.env, DATABASE_URL: join(dir, 'bench.db'), CARTO_JOBS: 'off' };
	const seeded = spawnSync('node_modules/.bin/tsx', ['scripts/db-seed.ts', '--scale', String(SCALE)], { env, encoding: 'utf8' });
	if (seeded.status !== 0) throw new Error(`Échec du jeu de données :\n${seeded.stdout}\n${seeded.stderr}`);
	console.log(seeded.stdout.trim());
	app = await startApp(env, { stdio: ['ignore', 'ignore', 'inherit'] });
	const { baseUrl } = app;

	// Two of the most related actors that have a point of their own: the focus, and the other one selected.
	const graph = (await (await fetch(`${baseUrl}/api/v1/graph?limit=600`)).json()) as { nodes: (Hub & { degree: number; lon: number | null })[] };
	// Their own point (not their commune's centre, shared with others): a click there is theirs.
	const map = (await (await fetch(`${baseUrl}/api/v1/map/points`)).json()) as { points: [number, number, number, number, 0 | 1][] };
	const precise = new Set(map.points.filter((p) => p[4] === 0).map((p) => p[0]));
	const hubs = graph.nodes
		.filter((n) => n.lon != null && precise.has(n.id))
		.sort((a, b) => b.degree - a.degree)
		.slice(0, 2);
	if (hubs.length < 2) throw new Error('Pas assez d’acteurs placés dans le graphe.');

	// The graph's 2D canvas rasterised by the CPU, as in `bench:graph:client` and the browser tests (see CPU_2D_CANVAS_ARG).
	browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_BASE_ARGS, CPU_2D_CANVAS_ARG] });
	await measure(browser, baseUrl, hubs); // warm-up: server caches, first SwiftShader compile
	const runs: Run[] = [];
	for (let i = 0; i < RUNS; i++) {
		const r = await measure(browser, baseUrl, hubs);
		runs.push(r);
		console.log(
			`essai ${i + 1} : deux vues prêtes en ${r.idleMs.toFixed(0)} ms (${r.points} points, ${r.graphNodes} nœuds) ; sélection carte → réseau ${r.mapToGraphMs.toFixed(0)} ms, réseau → carte ${r.graphToMapMs.toFixed(0)} ms ; ` +
				`année ${r.yearMs.toFixed(0)} ms ; ${r.arcs} arcs dessinés en ${r.arcsMs.toFixed(0)} ms (calcul ${r.arcsComputeMs.toFixed(0)} ms)`
		);
	}
	const m = (f: (r: Run) => number) => median(runs.map(f));
	const idle = m((r) => r.idleMs);
	const select = Math.max(
		m((r) => r.mapToGraphMs),
		m((r) => r.graphToMapMs)
	);
	const year = m((r) => r.yearMs);
	const arcs = m((r) => r.arcsMs);
	const verdict = (ok: boolean) => (ok ? 'tenu' : 'DÉPASSÉ');
	console.log(
		`\nMédianes sur ${RUNS} essais, échelle ${SCALE} (${runs[0]?.points ?? 0} points sur la carte, ${runs[0]?.graphNodes ?? 0} nœuds dans le réseau, ${runs[0]?.arcs ?? 0} arcs) :`
	);
	console.log(`  navigation -> carte et réseau prêts                 ${idle.toFixed(0)} ms   budget ${BUDGET.idleMs} ms : ${verdict(idle <= BUDGET.idleMs)}`);
	console.log(
		`  sélection carte -> réseau                           ${m((r) => r.mapToGraphMs).toFixed(0)} ms   budget ${BUDGET.selectMs} ms : ${verdict(m((r) => r.mapToGraphMs) <= BUDGET.selectMs)}`
	);
	console.log(
		`  sélection réseau -> carte                           ${m((r) => r.graphToMapMs).toFixed(0)} ms   budget ${BUDGET.selectMs} ms : ${verdict(m((r) => r.graphToMapMs) <= BUDGET.selectMs)}`
	);
	console.log(`  changement d'année -> les deux vues redessinées     ${year.toFixed(0)} ms   budget ${BUDGET.yearMs} ms : ${verdict(year <= BUDGET.yearMs)}`);
	console.log(
		`  arcs de /carte confiés à MapLibre -> carte prête    ${arcs.toFixed(0)} ms   budget ${BUDGET.arcsMs} ms : ${verdict(arcs <= BUDGET.arcsMs)} (calcul des arcs ${m((r) => r.arcsComputeMs).toFixed(0)} ms en plus)`
	);
	process.exitCode = idle <= BUDGET.idleMs && select <= BUDGET.selectMs && year <= BUDGET.yearMs && arcs <= BUDGET.arcsMs ? 0 : 1;
} finally {
	await browser?.close();
	await app?.stop();
	rmSync(dir, { recursive: true, force: true });
}
