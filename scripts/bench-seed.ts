/**
 * `npx tsx scripts/bench-seed.ts [--scale=10000] [--rounds=3]`: times the demo seed and the scale seed
 * on temporary databases built by the real migrations (budget for the scale seed: under 30 s).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from '../src/lib/server/db/index';
import { seedDemo } from '../src/lib/server/seed/index';
import { loadTerritories } from '../src/lib/server/territories/territory-loader';

const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const scale = arg('scale', 10_000);
const rounds = arg('rounds', 3);

const dir = mkdtempSync(join(tmpdir(), 'carto-bench-seed-'));
const run = (label: string, options: { scale?: number }, i: number) => {
	const db = openDb(join(dir, `${label}-${i}.db`));
	try {
		loadTerritories(db);
		const r = seedDemo(db, options);
		console.log(`${label} #${i + 1} : ${r.entities} acteurs, ${r.relations} relations, ${r.ms} ms`);
		return r.ms;
	} finally {
		db.$client.close();
	}
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

try {
	const demo = Array.from({ length: rounds }, (_, i) => run('démo', {}, i));
	const big = Array.from({ length: rounds }, (_, i) => run(`échelle ${scale}`, { scale }, i));
	console.log(`\nMédianes : démo ${median(demo)} ms ; échelle ${scale} ${(median(big) / 1000).toFixed(1)} s.`);
	console.log(median(big) <= 30_000 ? 'Budget tenu : moins de 30 s.' : 'BUDGET DÉPASSÉ : plus de 30 s.');
} finally {
	rmSync(dir, { recursive: true, force: true });
}
