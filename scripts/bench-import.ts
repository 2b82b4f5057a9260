/**
 * `npm run bench:import [-- --rows=10000 --rounds=3 --demo]`: imports a spreadsheet of `rows` tiers-lieux
 * (Windows-1252, `;`, decimal commas, multi-line cells, lost leading zeros) into a temporary database
 * built by the real migrations with the real territories, through the same service as the page: dry run,
 * then commit in one transaction with one revision per row. Budget: 10,000 rows in under 10 s.
 * --demo seeds the demo ecosystem first, so duplicate detection compares against ~500 existing actors.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { encodeWindows1252 } from '../src/lib/import/decode';
import { openDb } from '../src/lib/server/db/index';
import { seedDemo } from '../src/lib/server/seed/index';
import { commitImport, previewImport, undoImport } from '../src/lib/server/services/import.service';
import { loadTerritories } from '../src/lib/server/territories/territory-loader';
import { tiersLieuxSheet, type SheetCommune } from './lib/tiers-lieux-sheet';

const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const rows = arg('rows', 10_000);
const rounds = arg('rounds', 3);
const withDemo = process.argv.includes('--demo');
const BUDGET_MS = 10_000;

const dir = mkdtempSync(join(tmpdir(), 'carto-bench-import-'));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const editor = { id: 1, email: 'bench@example.org', displayName: 'Bench', role: 'editor' as const };

async function round(i: number) {
	const db = openDb(join(dir, `import-${i}.db`));
	try {
		loadTerritories(db);
		if (withDemo) seedDemo(db, {});
		const communes = db.all<SheetCommune>(sql`select code, name, centroid_lon as lon, centroid_lat as lat from territories where kind = 'commune' and centroid_lon is not null order by code`);
		const bytes = encodeWindows1252(tiersLieuxSheet(communes, rows).text);
		const t0 = performance.now();
		const { job, plan } = await previewImport(db, editor, { name: 'bench.csv', bytes }, {});
		const t1 = performance.now();
		const { changes } = await commitImport(db, editor, job.id);
		const t2 = performance.now();
		if (plan.counts.error > 0) throw new Error(`${plan.counts.error} lignes en erreur : ${plan.problems.slice(0, 3).map((p) => p.message).join(' ; ')}`);
		const revisions = db.get<{ n: number }>(sql`select count(*) as n from revisions where operation = 'import'`).n;
		undoImport(db, editor, job.id);
		const t3 = performance.now();
		console.log(`#${i + 1} : ${changes.createdEntityIds.length} fiches, ${revisions} révisions ; essai à blanc ${Math.round(t1 - t0)} ms, validation ${Math.round(t2 - t1)} ms, total ${Math.round(t2 - t0)} ms ; annulation ${Math.round(t3 - t2)} ms`);
		return { dry: t1 - t0, commit: t2 - t1, total: t2 - t0, undo: t3 - t2 };
	} finally {
		db.$client.close();
	}
}

try {
	const results = [];
	for (let i = 0; i < rounds; i++) results.push(await round(i));
	const total = median(results.map((r) => r.total));
	console.log(
		`\nMédianes sur ${rounds} essais, ${rows} lignes${withDemo ? ' (base de démo)' : ''} : essai à blanc ${Math.round(median(results.map((r) => r.dry)))} ms ; validation ${Math.round(median(results.map((r) => r.commit)))} ms ; annulation ${Math.round(median(results.map((r) => r.undo)))} ms ; total ${(total / 1000).toFixed(2)} s = ${((total / BUDGET_MS) * 100).toFixed(0)} % du budget de 10 s.`
	);
	console.log(total <= BUDGET_MS ? 'Budget tenu.' : 'BUDGET DÉPASSÉ.');
} finally {
	rmSync(dir, { recursive: true, force: true });
}
