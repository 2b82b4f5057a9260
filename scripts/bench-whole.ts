/**
 * `npm run bench:whole`: « Tout afficher » (sigma.js at the server's positions) in headless Chromium (a benchmark,
 * not a timed test; software rendering here, compare by ratio). Starts the built server (`npx vite build` first)
 * on a 10k database (`--scale=N`; CARTO_SCALE_DB=file to copy one instead of seeding), then reports:
 *  - the server's first ForceAtlas2 layout of the revision (worker), and a kept answer's time;
 *  - the compact answer's size against the JSON form for the same actors, raw and gzipped;
 *  - medians over 5 fresh pages of the click on « Tout afficher » → first frame drawn (budget ≤ 1 s at 10k),
 *    with its steps (answer parsed, sigma + graphology loaded, graph built, sigma constructed: processed and drawn).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH } from './lib/chromium';
import { CHROMIUM_BASE_ARGS, CPU_2D_CANVAS_ARG, median, startApp, type StartedApp } from './lib/local-server';
import { scaleDatabase } from './lib/scale-db';

const RUNS = 5;
const scale = Number(process.argv.find((a) => a.startsWith('--scale='))?.split('=')[1] ?? '10000');
const BUDGET_MS = 1_000;

async function timed(url: string): Promise<{ ms: number; body: string }> {
	const started = performance.now();
	const res = await fetch(url);
	const body = await res.text();
	if (!res.ok) throw new Error(`${url} : ${res.status} ${body.slice(0, 200)}`);
	return { ms: Math.round(performance.now() - started), body };
}

const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;

const dir = mkdtempSync(join(tmpdir(), 'carto-bench-whole-'));
let app: StartedApp | undefined;
try {
	app = await startApp(scaleDatabase(dir, scale), { stdio: ['ignore', 'ignore', 'inherit'] });
	const compactUrl = `${app.baseUrl}/api/v1/graph/compact?limit=20000`;
	const first = await timed(compactUrl);
	const kept = await timed(compactUrl);
	const json = await timed(`${app.baseUrl}/api/v1/graph?limit=20000`);
	const c = JSON.parse(first.body) as { nodes: { id: unknown[] }; edges: { source: unknown[] } };
	console.log(`${c.nodes.id.length} acteurs, ${c.edges.source.length} relations (échelle ${scale})`);
	console.log(`serveur : première réponse compacte (ForceAtlas2 dans un fil de travail) ${first.ms} ms, ensuite ${kept.ms} ms`);
	console.log(
		`taille : compacte ${kb(first.body.length)} (gzip ${kb(gzipSync(first.body).length)}) contre JSON ${kb(json.body.length)} (gzip ${kb(gzipSync(json.body).length)}, sans positions)`
	);

	const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_BASE_ARGS, CPU_2D_CANVAS_ARG] });
	const runs: { firstFrameMs: number; steps: Record<string, number> }[] = [];
	for (let i = 0; i < RUNS; i++) {
		const context = await browser.newContext({ baseURL: app.baseUrl, locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
		const page = await context.newPage();
		page.setDefaultTimeout(120_000);
		page.on('pageerror', (e) => console.error('Erreur de la page :', e.message));
		await page.goto('/reseau');
		// The button works once the page is hydrated: the readable view's count comes from the browser's own request.
		await page
			.getByTestId('graph-count')
			.getByText(/acteurs/)
			.first()
			.waitFor();
		await page.getByRole('button', { name: 'Tout afficher' }).click();
		await page.waitForFunction(() => window.__cartoWhole?.ready === true);
		const run = await page.evaluate(() => {
			const p = window.__cartoWhole!;
			return { firstFrameMs: Math.round(p.firstFrameAt! - p.askedAt!), steps: p.steps };
		});
		runs.push(run);
		console.log(
			`  essai ${i + 1} : premier dessin ${run.firstFrameMs} ms (${Object.entries(run.steps)
				.map(([k, v]) => `${k} ${v}`)
				.join(', ')})`
		);
		await context.close();
	}
	await browser.close();
	const firstFrame = median(runs.map((r) => r.firstFrameMs));
	const steps = Object.keys(runs[0]!.steps).map((k) => `${k} ${median(runs.map((r) => r.steps[k]!))} ms`);
	console.log(`médiane sur ${RUNS} : clic « Tout afficher » → premier dessin ${firstFrame} ms (budget ${BUDGET_MS} ms) ; étapes : ${steps.join(', ')}`);
} finally {
	await app?.stop();
	rmSync(dir, { recursive: true, force: true });
}
