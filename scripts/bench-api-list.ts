/**
 * `npm run bench:api-list [-- --scale=100000]`: the first page of /api/v1/entities (budget: p95 ≤ 10 ms at
 * 10,000 actors, ≤ 20 ms at 100,000, issue 18). Seeds a temporary database with the scale dataset, then times
 * `listEntitiesApi` (the whole service: parameters, page read from the name index, cached total, cursor):
 *  - the first page, and a deep page (a cursor halfway through the alphabet);
 *  - the first page of a kind (organisations), read by walking the name index;
 *  - the first page just after a write, when the total is counted again (once per data revision).
 * Several rounds; reports the median of each round's p50/p95 so a noisy shared machine does not decide.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDb, type Db } from '../src/lib/server/db/index';
import { loadTerritories } from '../src/lib/server/territories/territory-loader';
import { seedDemo } from '../src/lib/server/seed/index';
import { listEntitiesApi } from '../src/lib/server/services/entity-api.service';
import { encodeCursor } from '../src/lib/server/services/cursor';

const scale = Number(process.argv.find((a) => a.startsWith('--scale='))?.split('=')[1] ?? 10_000);
const rounds = 5;
const perRound = 200;
const budgetMs = scale > 10_000 ? 20 : 10;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** p50 and p95 of `run` (median over the rounds); `before` runs untimed before each call. */
function time(run: () => unknown, before: () => void = () => {}): { p50: number; p95: number } {
	const p50s: number[] = [];
	const p95s: number[] = [];
	for (let round = 0; round < rounds; round++) {
		const times: number[] = [];
		for (let i = 0; i < perRound; i++) {
			before();
			const t = performance.now();
			run();
			times.push(performance.now() - t);
		}
		times.sort((a, b) => a - b);
		p50s.push(percentile(times, 50));
		p95s.push(percentile(times, 95));
	}
	return { p50: median(p50s), p95: median(p95s) };
}

/** A cursor standing after the actor halfway through the list, as a client paging that far would hold. */
function halfwayCursor(db: Db): string {
	const row = db.$client
		.prepare(
			`select name, id from entities where deleted_at is null and status = 'published'
			 order by name collate nocase, id limit 1 offset (select count(*) / 2 from entities)`
		)
		.get() as { name: string; id: number };
	return encodeCursor(row);
}

const dir = mkdtempSync(join(tmpdir(), 'carto-bench-'));
try {
	const db = openDb(join(dir, 'bench.db'));
	loadTerritories(db);
	const seeded = seedDemo(db, { scale });
	console.log(`Jeu de données : ${seeded.entities} acteurs (généré en ${(seeded.ms / 1000).toFixed(1)} s).`);
	const deep = halfwayCursor(db);
	const cases: [string, () => unknown, (() => void)?][] = [
		['première page (limit=50)', () => listEntitiesApi(db, new URLSearchParams('limit=50'))],
		['page profonde (curseur à mi-liste)', () => listEntitiesApi(db, new URLSearchParams({ limit: '50', cursor: deep }))],
		['première page kind=organisation', () => listEntitiesApi(db, new URLSearchParams('kind=organisation&limit=50'))],
		[
			'première page après une écriture (total recompté)',
			() => listEntitiesApi(db, new URLSearchParams('limit=50')),
			() => db.$client.prepare("update meta set value = value + 1 where key = 'graph_revision'").run()
		]
	];
	for (const [, run] of cases) run(); // warm the page cache and prepared statements
	let first = NaN;
	for (const [label, run, before] of cases) {
		const { p50, p95 } = time(run, before);
		if (Number.isNaN(first)) first = p95;
		console.log(`${label} : p50 ${p50.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms`);
	}
	console.log(`\nPremière page à ${seeded.entities} acteurs : p95 ${first.toFixed(2)} ms (médiane de ${rounds} tours).`);
	console.log(first <= budgetMs ? `Budget tenu : p95 ≤ ${budgetMs} ms.` : `BUDGET DÉPASSÉ : p95 > ${budgetMs} ms.`);
	db.$client.close();
	process.exitCode = first <= budgetMs ? 0 : 1;
} finally {
	rmSync(dir, { recursive: true, force: true });
}
