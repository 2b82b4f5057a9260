/**
 * `npm run bench:finder`: the finder and the flows at 10,000 and 100,000 actors in the same run (issue 18 §2:
 * p95 ≤ 100 ms at both). A benchmark, not a timed test. Each scale's database is a copy of a seeded one
 * (`--db10k=` and `--db100k=`, by default the shared /tmp/scale/10k.db and 100k.db built by
 * `db-seed -- --scale N`; the copy gets the newer migrations). For each: the per-revision build the worker
 * does (extraction, indexes), timed once; then ROUNDS series of CALLS calls through the services as a request
 * makes them (parameter validation, revision check, reading what was prepared): flows with varied filters
 * (sector, territory of origin, period, level), the finder with random communes, stages, sectors and needs,
 * and the projects behind a figure. Medians of the series' p50 and p95.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { eq } from 'drizzle-orm';
import { openDb } from '../src/lib/server/db/index';
import { seededRandom } from '../src/lib/graph/random';
import { livePathways } from '../src/lib/server/pathways/pathway-cache';
import { findRoute, pathwayFlows, pathwayProjects } from '../src/lib/server/services/pathway.service';
import { OFFERS, SECTORS, STAGES } from '../src/lib/domain/vocabulary';
import { territories } from '../src/lib/server/db/schema';

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const SCALES = [
	{ name: '10k', path: arg('db10k', '/tmp/scale/10k.db') },
	{ name: '100k', path: arg('db100k', '/tmp/scale/100k.db') }
];
const ROUNDS = Number(arg('rounds', '5'));
const CALLS = Number(arg('calls', '200'));
const BUDGET_MS = 100;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const ms = (x: number) => `${x.toFixed(x < 10 ? 1 : 0)} ms`;

interface Series {
	p50: number;
	p95: number;
}

function time(calls: (() => unknown)[]): Series {
	const times = calls.map((call) => {
		const t = performance.now();
		call();
		return performance.now() - t;
	});
	times.sort((a, b) => a - b);
	return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

interface Result {
	scale: string;
	actors: number;
	projects: number;
	structures: number;
	buildMs: number;
	flows: Series;
	finder: Series;
	figures: Series;
}

function measure(name: string, source: string, dir: string): Result {
	const path = join(dir, `${name}.db`);
	copyFileSync(source, path);
	const db = openDb(path);
	try {
		const actors = (db.$client.prepare('SELECT count(*) AS n FROM entities').get() as { n: number }).n;
		const t = performance.now();
		const live = livePathways(db);
		const buildMs = performance.now() - t;

		const rng = seededRandom(42);
		const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)] as T;
		const codes = (kind: 'commune' | 'epci') =>
			db
				.select({ code: territories.code })
				.from(territories)
				.where(eq(territories.kind, kind))
				.all()
				.map((r) => r.code);
		const [communes, epcis] = [codes('commune'), codes('epci')];
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
		const series = { flows: [] as Series[], finder: [] as Series[], figures: [] as Series[] };
		// The finder refuses communes without a centre (ValidationError): those are not what is measured.
		const placed = (q: URLSearchParams) => {
			try {
				findRoute(db, q);
				return true;
			} catch {
				return false;
			}
		};
		const base = pathwayFlows(db, new URLSearchParams());
		for (let r = 0; r < ROUNDS; r++) {
			series.flows.push(time(Array.from({ length: CALLS }, flowQuery).map((q) => () => pathwayFlows(db, q))));
			const finderQueries: URLSearchParams[] = [];
			while (finderQueries.length < CALLS) {
				const q = finderQuery();
				if (placed(q)) finderQueries.push(q);
			}
			series.finder.push(time(finderQueries.map((q) => () => findRoute(db, q))));
			series.figures.push(
				time(
					base.transitions
						.slice(0, CALLS)
						.map((tr) => () => pathwayProjects(db, new URLSearchParams({ figure: 'transition', from_key: tr.from, to_key: tr.to })))
				)
			);
		}
		const med = (xs: Series[]): Series => ({ p50: median(xs.map((x) => x.p50)), p95: median(xs.map((x) => x.p95)) });
		return {
			scale: name,
			actors,
			projects: live.stepCounts.size,
			structures: live.structures.length,
			buildMs,
			flows: med(series.flows),
			finder: med(series.finder),
			figures: med(series.figures)
		};
	} finally {
		db.$client.close();
	}
}

const missing = SCALES.filter((s) => !existsSync(s.path));
if (missing.length > 0) {
	console.error(
		`Base absente : ${missing.map((s) => s.path).join(', ')}. Construisez-la avec « DATABASE_URL=<fichier> npx tsx scripts/db-seed.ts -- --scale N --reset » ou indiquez --db10k= / --db100k=.`
	);
	process.exit(2);
}
const dir = mkdtempSync(join(tmpdir(), 'carto-bench-finder-'));
try {
	const results = SCALES.map((s) => {
		const r = measure(s.name, s.path, dir);
		console.log(
			`${r.scale} : ${r.actors} acteurs, ${r.projects} projets, ${r.structures} structures ; parcours et index d'une révision construits en ${ms(r.buildMs)} (dans le fil de travail sur le serveur)`
		);
		return r;
	});
	console.log(`\nMédianes de ${ROUNDS} séries de ${CALLS} appels (budget p95 ≤ ${BUDGET_MS} ms) :`);
	console.log(`| mesure | ${results.map((r) => `${r.scale} p50 | ${r.scale} p95`).join(' | ')} |`);
	console.log(`|---|${results.map(() => '---|---').join('|')}|`);
	let ok = true;
	for (const [label, get] of [
		['Trouver un parcours', (r: Result) => r.finder],
		['Flux (filtres variés)', (r: Result) => r.flows],
		['Projets derrière un chiffre', (r: Result) => r.figures]
	] as const) {
		const cells = results.map((r) => {
			const s = get(r);
			if (label !== 'Projets derrière un chiffre') ok &&= s.p95 <= BUDGET_MS;
			return `${ms(s.p50)} | ${ms(s.p95)}${s.p95 <= BUDGET_MS ? ' ✓' : ' ✗'}`;
		});
		console.log(`| ${label} | ${cells.join(' | ')} |`);
	}
	if (!ok) process.exitCode = 1;
} finally {
	rmSync(dir, { recursive: true, force: true });
}
