/**
 * `npm run bench:pathways`: flows and finder answers at the 10k scale (budget: p95 ≤ 100 ms on the server).
 * Seeds a temporary database with the scale dataset, times the cold extraction of every pathway (once per
 * graph revision), then, over several rounds, the flows service with varied filters (sector, territory of
 * origin, period, level) and the finder with random communes, stages, sectors and needs. Each call goes
 * through the service as a request does (parameter validation, revision check, aggregation). Medians of
 * the rounds' p50/p95 are reported.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDb } from '../src/lib/server/db/index';
import { loadTerritories } from '../src/lib/server/territories/territory-loader';
import { seedDemo } from '../src/lib/server/seed/index';
import { seededRandom } from '../src/lib/graph/random';
import { livePathways } from '../src/lib/server/pathways/pathway-cache';
import { findRoute, pathwayFlows, pathwayProjects } from '../src/lib/server/services/pathway.service';
import { OFFERS, SECTORS, STAGES } from '../src/lib/domain/vocabulary';
import { territories } from '../src/lib/server/db/schema';
import { eq } from 'drizzle-orm';

const scale = Number(process.argv.find((a) => a.startsWith('--scale='))?.split('=')[1] ?? 10_000);
const ROUNDS = 5;
const CALLS = 200;
const BUDGET_MS = 100;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 0)} ms`;

function time(calls: (() => unknown)[]): { p50: number; p95: number } {
	const times = calls.map((call) => {
		const t = performance.now();
		call();
		return performance.now() - t;
	});
	times.sort((a, b) => a - b);
	return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

const dir = mkdtempSync(join(tmpdir(), 'carto-bench-pathways-'));
try {
	const db = openDb(join(dir, 'bench.db'));
	loadTerritories(db);
	const seeded = seedDemo(db, { scale });
	console.log(`Jeu de données : ${seeded.entities} acteurs, ${seeded.relations} relations (généré en ${(seeded.ms / 1000).toFixed(1)} s).`);

	const t = performance.now();
	const live = livePathways(db);
	const coldMs = performance.now() - t;
	console.log(
		`Extraction de tous les parcours (à froid, une fois par révision) : ${ms(coldMs)} — ${live.stepCounts.size} projets, ${live.structures.length} structures d'accompagnement.`
	);

	const rng = seededRandom(42);
	const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)] as T;
	const communes = db
		.select({ code: territories.code })
		.from(territories)
		.where(eq(territories.kind, 'commune'))
		.all()
		.map((r) => r.code);
	const epcis = db
		.select({ code: territories.code })
		.from(territories)
		.where(eq(territories.kind, 'epci'))
		.all()
		.map((r) => r.code);
	const flowQuery = () => {
		const p = new URLSearchParams();
		if (rng() < 0.5) p.set('sector', pick(SECTORS));
		const where = rng();
		if (where < 0.3) p.set('departement', pick(['03', '15', '43', '63']));
		else if (where < 0.45) p.set('epci', pick(epcis));
		if (rng() < 0.4) {
			const from = 2005 + Math.floor(rng() * 15);
			p.set('from', String(from));
			p.set('to', String(from + Math.floor(rng() * 8)));
		}
		if (rng() < 0.4) p.set('level', 'structure');
		return p;
	};
	const finderQuery = () => {
		const p = new URLSearchParams({ stage: pick(STAGES), commune: pick(communes) });
		for (let i = 0, n = Math.floor(rng() * 3); i < n; i++) p.append('sector', pick(SECTORS));
		for (let i = 0, n = Math.floor(rng() * 3); i < n; i++) p.append('need', pick(OFFERS));
		return p;
	};

	const flows: { p50: number; p95: number }[] = [];
	const finder: { p50: number; p95: number }[] = [];
	const figures: { p50: number; p95: number }[] = [];
	for (let r = 0; r < ROUNDS; r++) {
		flows.push(time(Array.from({ length: CALLS }, () => flowQuery()).map((q) => () => pathwayFlows(db, q))));
		finder.push(time(Array.from({ length: CALLS }, () => finderQuery()).map((q) => () => findRoute(db, q))));
		const base = pathwayFlows(db, new URLSearchParams());
		figures.push(
			time(
				base.transitions.slice(0, CALLS).map((tr) => () => pathwayProjects(db, new URLSearchParams({ figure: 'transition', from_key: tr.from, to_key: tr.to })))
			)
		);
	}
	const report = (name: string, runs: { p50: number; p95: number }[]) => {
		const p95 = median(runs.map((x) => x.p95));
		console.log(
			`${name} : p50 ${ms(median(runs.map((x) => x.p50)))}, p95 ${ms(p95)} (médiane de ${ROUNDS} séries de ${CALLS} appels) ${p95 <= BUDGET_MS ? '✓' : '✗'} budget ${BUDGET_MS} ms`
		);
		return p95 <= BUDGET_MS;
	};
	const ok = [report('Flux (filtres variés)', flows), report('Trouver un parcours', finder), report('Projets derrière un chiffre', figures)].every(Boolean);
	db.$client.close();
	if (!ok) process.exitCode = 1;
} finally {
	rmSync(dir, { recursive: true, force: true });
}
