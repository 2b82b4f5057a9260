/**
 * `npm run bench:graph:client`: the /reseau view in headless Chromium (a benchmark, not a timed test).
 * Seeds a temporary database (10k actors by default, `--scale=N`; `--scale=demo` for the demo dataset),
 * starts the built server (`npx vite build` first), opens /reseau five times per renderer (canvas, WebGL)
 * in fresh browser contexts and reports medians of:
 *  - navigation start -> first frame of the whole view: the server's SVG preview painted (Element Timing;
 *    budget 1 s for the demo), and Cytoscape's first interactive frame with the graph placed;
 *  - layout changes (concentric, géographique, back to fcose), from the probe's lastLayoutMs;
 *  - the longest main-thread task during those changes (the page must not freeze: long tasks stay short).
 * Headless Chromium renders in software (SwiftShader): compare renderers and versions by ratio.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_PATH } from './lib/chromium';
import { CHROMIUM_BASE_ARGS, CPU_2D_CANVAS_ARG, median, startApp, type StartedApp } from './lib/local-server';

const CHROMIUM_ARGS = [...CHROMIUM_BASE_ARGS, CPU_2D_CANVAS_ARG];

const RUNS = 5;
const scaleArg = process.argv.find((a) => a.startsWith('--scale='))?.split('=')[1] ?? '10000';
const DEMO = scaleArg === 'demo';
const LAYOUTS = ['concentric', 'geo', 'fcose'] as const;

interface Run {
	/** Navigation start -> the server's SVG preview of the whole view painted (Element Timing). */
	previewMs: number;
	/** Navigation start -> Cytoscape's first frame with the graph placed (interactive). */
	firstFrameMs: number;
	nodes: number;
	edges: number;
	layoutMs: Record<string, number>;
	longestTaskMs: number;
	/** Milestones of the first frame (ms since navigation start): HTML received, DOM ready, probe steps. */
	steps: Record<string, number>;
}

async function measure(browser: Browser, baseUrl: string, renderer: 'canvas' | 'webgl'): Promise<Run> {
	const context = await browser.newContext({ baseURL: baseUrl, locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
	// Element Timing: when the server's static preview (img elementtiming="graph-preview") was painted.
	await context.addInitScript(() => {
		new PerformanceObserver((list) => {
			for (const e of list.getEntries() as (PerformanceEntry & { identifier?: string; renderTime?: number })[]) {
				if (e.identifier === 'graph-preview') (window as unknown as { __previewPaint: number }).__previewPaint = Math.round(e.renderTime || e.startTime);
			}
		}).observe({ type: 'element', buffered: true });
	});
	const page = await context.newPage();
	page.setDefaultTimeout(120_000);
	await page.goto(renderer === 'webgl' ? '/reseau?renderer=webgl' : '/reseau');
	await page.waitForFunction(() => window.__cartoGraph?.ready === true);
	const first = await page.evaluate(() => {
		const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
		const steps: Record<string, number> = {
			html: Math.round(nav?.responseEnd ?? NaN),
			dom: Math.round(nav?.domContentLoadedEventEnd ?? NaN),
			fcp: Math.round(performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN),
			...(window.__cartoGraph?.steps ?? {})
		};
		const previewAt = (window as unknown as { __previewPaint?: number }).__previewPaint ?? NaN;
		return {
			previewAt,
			at: window.__cartoGraph?.firstFrameMs ?? NaN,
			nodes: window.__cartoGraph?.nodeCount ?? 0,
			edges: window.__cartoGraph?.edgeCount ?? 0,
			steps
		};
	});
	await page.evaluate(() => {
		const w = window as unknown as { __longest: number };
		w.__longest = 0;
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
		}).observe({ type: 'longtask' });
	});
	const layoutMs: Record<string, number> = {};
	for (const [i, id] of LAYOUTS.entries()) {
		await page.getByLabel('Disposition').selectOption(id);
		await page.waitForFunction((n) => window.__cartoGraph?.ready === true && window.__cartoGraph.layouts >= n, i + 2);
		layoutMs[id] = await page.evaluate(() => window.__cartoGraph?.lastLayoutMs ?? NaN);
	}
	const longestTaskMs = await page.evaluate(() => (window as unknown as { __longest: number }).__longest);
	await context.close();
	return { previewMs: first.previewAt, firstFrameMs: first.at, nodes: first.nodes, edges: first.edges, layoutMs, longestTaskMs, steps: first.steps };
}

if (!existsSync('build/index.js')) {
	console.error('Aucune construction dans build/ : lancez « npx vite build » avant « npm run bench:graph:client ».');
	process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), 'carto-bench-graph-'));
let app: StartedApp | undefined;
let browser: Browser | undefined;
try {
	const env = { ...process.env, DATABASE_URL: join(dir, 'bench.db') };
	const seeded = DEMO
		? spawnSync('node_modules/.bin/tsx', ['scripts/db-prepare.ts'], { env, encoding: 'utf8' })
		: spawnSync('node_modules/.bin/tsx', ['scripts/db-seed.ts', '--scale', scaleArg], { env, encoding: 'utf8' });
	if (seeded.status !== 0) throw new Error(`Échec du jeu de données :\n${seeded.stdout}\n${seeded.stderr}`);
	console.log(seeded.stdout.trim().split('\n').slice(-3).join('\n'));

	// Started as the README says (`npm start`), on plain http: the database is already filled.
	app = await startApp(env, { stdio: ['ignore', 'ignore', 'inherit'] });
	const { baseUrl } = app;
	browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });

	for (const renderer of (process.argv.includes('--webgl') ? ['canvas', 'webgl'] : ['canvas']) as ('canvas' | 'webgl')[]) {
		await measure(browser, baseUrl, renderer); // warm-up: server caches, shader compilation
		const runs: Run[] = [];
		for (let i = 0; i < RUNS; i++) {
			const r = await measure(browser, baseUrl, renderer);
			runs.push(r);
			console.log(
				`${renderer} essai ${i + 1} : aperçu ${r.previewMs} ms, graphe interactif ${r.firstFrameMs} ms (${r.nodes} nœuds, ${r.edges} liens), dispositions ${JSON.stringify(r.layoutMs)}, plus longue tâche ${r.longestTaskMs} ms`
			);
			if (process.argv.includes('--steps'))
				console.log(
					`  étapes : ${Object.entries(r.steps)
						.sort((a, b) => a[1] - b[1])
						.map(([k, v]) => `${k} ${v}`)
						.join(', ')}`
				);
		}
		const per = Object.fromEntries(LAYOUTS.map((id) => [id, median(runs.map((r) => r.layoutMs[id] ?? NaN))]));
		console.log(
			`\n${renderer} — médianes sur ${RUNS} essais (${runs[0]?.nodes ?? 0} nœuds, ${runs[0]?.edges ?? 0} liens) : première image (aperçu SVG du serveur) ${median(runs.map((r) => r.previewMs))} ms, graphe interactif (Cytoscape) ${median(runs.map((r) => r.firstFrameMs))} ms` +
				` ; cercles ${per.concentric?.toFixed(0)} ms, géographique ${per.geo?.toFixed(0)} ms, fcose ${per.fcose?.toFixed(0)} ms ; plus longue tâche pendant les changements ${median(runs.map((r) => r.longestTaskMs))} ms\n`
		);
	}
} finally {
	await browser?.close();
	await app?.stop();
	rmSync(dir, { recursive: true, force: true });
}
