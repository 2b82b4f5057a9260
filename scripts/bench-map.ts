/**
 * `npm run bench:map`: the map at the 10k scale, in headless Chromium (a benchmark, not a timed test).
 * Seeds a temporary database with the scale dataset, starts the built server (`npx vite build` first),
 * opens /carte five times in fresh browser contexts and reports the median of:
 *  - navigation start -> map idle with every point loaded and clustered (budget 1.5 s);
 *  - a filter change (a click on a kind) -> the map idle again with the new points (budget 150 ms);
 *  - JavaScript sent before the MapLibre chunk is requested, gzip (budget 120 KB).
 * Timings come from the page's window.__cartoMap probe (performance.now(), set by MapView and the points layer).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_PATH } from './lib/chromium';
import { CHROMIUM_BASE_ARGS, median, startApp, type StartedApp } from './lib/local-server';

const CHROMIUM_ARGS = CHROMIUM_BASE_ARGS;

const RUNS = 5;
const SCALE = Number(process.argv.find((a) => a.startsWith('--scale='))?.split('=')[1] ?? 10_000);
const BUDGET = { idleMs: 1500, redrawMs: 150, jsKb: 120 };

/** The file Vite emitted for maplibre-gl (a dynamic import of the map page). */
function mapChunkFile(): string | null {
	const path = '.svelte-kit/output/client/.vite/manifest.json';
	if (!existsSync(path)) return null;
	const manifest = JSON.parse(readFileSync(path, 'utf8')) as Record<string, { file: string }>;
	return manifest['node_modules/maplibre-gl/dist/maplibre-gl.mjs']?.file ?? null;
}

interface Run {
	idleMs: number;
	points: number;
	redrawMs: number;
	redrawWallMs: number;
	jsGzipBytes: number;
	jsFiles: number;
	steps: Record<string, number>;
}

async function measure(browser: Browser, baseUrl: string, mapChunk: string | null): Promise<Run> {
	const context = await browser.newContext({ baseURL: baseUrl, locale: 'fr-FR', viewport: { width: 1280, height: 800 } });
	const page = await context.newPage();
	page.setDefaultTimeout(30_000);
	// JS requested before the map chunk: the route's own code, what a visitor pays before MapLibre arrives.
	const scripts: { url: string; beforeMap: boolean }[] = [];
	let mapRequested = false;
	page.on('request', (req) => {
		const url = req.url();
		if (!/\.m?js(\?|$)/.test(url) || !url.startsWith(baseUrl)) return;
		const isMap = mapChunk ? url.endsWith(mapChunk) : false;
		if (isMap) mapRequested = true;
		scripts.push({ url, beforeMap: !mapRequested });
	});

	await page.goto('/carte');
	await page.waitForFunction(() => window.__cartoMap?.firstIdleAt != null);
	const first = await page.evaluate(() => ({
		idleAt: window.__cartoMap?.firstIdleAt ?? NaN,
		points: window.__cartoMap?.pointCount ?? 0,
		boot: { ...window.__cartoMap?.steps }
	}));
	if (process.env.BENCH_VERBOSE)
		console.log(
			'  démarrage',
			JSON.stringify(first.boot),
			'DOMContentLoaded',
			await page.evaluate(() => Math.round(performance.getEntriesByType('navigation')[0]?.toJSON().domContentLoadedEventEnd ?? 0))
		);

	// A visitor filters once the page has settled: let the deferred commune layer arrive and draw first,
	// so that the redraw measured is the filter's own and not the tail of the first load.
	await page.waitForLoadState('networkidle');
	await page.waitForFunction(() => window.__cartoMap?.idle === true);
	const clickedAt = Date.now();
	await page.getByRole('complementary', { name: 'Filtres' }).getByRole('checkbox', { name: 'Organisation', exact: true }).check();
	await page.waitForFunction(() => {
		const p = window.__cartoMap;
		return p?.dataKey === 'kind=organisation' && p.pendingSince === null && p.lastRedrawMs !== null && p.idle;
	});
	const redrawWallMs = Date.now() - clickedAt;
	const { redrawMs, steps } = await page.evaluate(() => ({ redrawMs: window.__cartoMap?.lastRedrawMs ?? NaN, steps: window.__cartoMap?.steps ?? {} }));

	let jsGzipBytes = 0;
	const before = [...new Set(scripts.filter((s) => s.beforeMap).map((s) => s.url))];
	for (const url of before) jsGzipBytes += gzipSync(Buffer.from(await (await fetch(url)).arrayBuffer())).length;
	await context.close();
	if (!mapRequested) throw new Error("Le module de carte (maplibre-gl) n'a pas été demandé : la mesure du JS initial est impossible.");
	return { idleMs: first.idleAt, points: first.points, redrawMs, redrawWallMs, jsGzipBytes, jsFiles: before.length, steps };
}

if (!existsSync('build/index.js')) {
	console.error('Aucune construction dans build/ : lancez « npx vite build » avant « npm run bench:map ».');
	process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), 'carto-bench-map-'));
let app: StartedApp | undefined;
let browser: Browser | undefined;
try {
	const env = { ...process.env, DATABASE_URL: join(dir, 'bench.db') };
	const seeded = spawnSync('node_modules/.bin/tsx', ['scripts/db-seed.ts', '--scale', String(SCALE)], { env, encoding: 'utf8' });
	if (seeded.status !== 0) throw new Error(`Échec du jeu de données :\n${seeded.stdout}\n${seeded.stderr}`);
	console.log(seeded.stdout.trim());

	// Started as the README says (`npm start`), on plain http: the database is already filled.
	app = await startApp(env, { stdio: ['ignore', 'ignore', 'inherit'] });
	const { baseUrl } = app;
	browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });

	const mapChunk = mapChunkFile();
	await measure(browser, baseUrl, mapChunk); // warm-up: server caches, first SwiftShader compile
	const runs: Run[] = [];
	for (let i = 0; i < RUNS; i++) {
		const r = await measure(browser, baseUrl, mapChunk);
		runs.push(r);
		console.log(
			`essai ${i + 1} : carte prête en ${r.idleMs.toFixed(0)} ms (${r.points} points), filtre redessiné en ${r.redrawMs.toFixed(0)} ms ` +
				`(${r.redrawWallMs} ms vus du test ; étapes ${JSON.stringify(r.steps)}), JS initial ${(r.jsGzipBytes / 1024).toFixed(1)} Ko gzip (${r.jsFiles} fichiers)`
		);
	}
	const idle = median(runs.map((r) => r.idleMs));
	const redraw = median(runs.map((r) => r.redrawMs));
	const js = median(runs.map((r) => r.jsGzipBytes)) / 1024;
	const verdict = (ok: boolean) => (ok ? 'tenu' : 'DÉPASSÉ');
	console.log(`\nMédianes sur ${RUNS} essais, ${runs[0]?.points ?? 0} points sur la carte :`);
	console.log(`  navigation -> carte prête (idle, tous les points)  ${idle.toFixed(0)} ms   budget ${BUDGET.idleMs} ms : ${verdict(idle <= BUDGET.idleMs)}`);
	console.log(
		`  changement de filtre -> carte redessinée          ${redraw.toFixed(0)} ms   budget ${BUDGET.redrawMs} ms : ${verdict(redraw <= BUDGET.redrawMs)}`
	);
	console.log(`  JS envoyé avant le module de carte (gzip)         ${js.toFixed(1)} Ko   budget ${BUDGET.jsKb} Ko : ${verdict(js <= BUDGET.jsKb)}`);
	process.exitCode = idle <= BUDGET.idleMs && redraw <= BUDGET.redrawMs && js <= BUDGET.jsKb ? 0 : 1;
} finally {
	await browser?.close();
	await app?.stop();
	rmSync(dir, { recursive: true, force: true });
}
