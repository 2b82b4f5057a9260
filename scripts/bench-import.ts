/**
 * `npm run bench:import [-- --rows=10000 --rounds=3 --demo]`: imports a spreadsheet of `rows` tiers-lieux
 * (Windows-1252, `;`, decimal commas, multi-line cells, lost leading zeros) into a temporary database
 * built by the real migrations with the real territories, through the same service as the page: dry run,
 * then commit in one transaction with one revision per row. Budget: 10,000 rows in under 10 s.
 * --demo seeds the demo ecosystem first, so duplicate detection compares against ~500 existing actors.
 * --updates also times the same file coming back with one column changed (every row an update through
 * updateEntity, one transaction): reported for information, the budget is about new rows.
 * --base=PATH copies a seeded database (e.g. `db:seed -- --scale 100000`) for each round and imports into it,
 * so the dry run and the commit are timed against a directory of that size (issue 18: a 40-row file at 100k).
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { encodeWindows1252 } from '../src/lib/import/decode';
import { openDb } from '../src/lib/server/db/index';
import { seedDemo } from '../src/lib/server/seed/index';
import { exportCsv } from '../src/lib/server/services/export.service';
import { commitImport, previewImport, undoImport } from '../src/lib/server/services/import.service';
import { loadTerritories } from '../src/lib/server/territories/territory-loader';
import { tiersLieuxSheet, type SheetCommune } from './lib/tiers-lieux-sheet';

const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const rows = arg('rows', 10_000);
const rounds = arg('rounds', 3);
const withDemo = process.argv.includes('--demo');
const withUpdates = process.argv.includes('--updates');
const base = process.argv.find((a) => a.startsWith('--base='))?.slice('--base='.length) ?? null;
const BUDGET_MS = 10_000;

const dir = mkdtempSync(join(tmpdir(), 'carto-bench-import-'));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const editor = { id: 1, email: 'bench@example.org', displayName: 'Bench', role: 'editor' as const };

async function round(i: number) {
	const path = join(dir, `import-${i}.db`);
	if (base) copyFileSync(base, path);
	const db = openDb(path);
	try {
		if (!base) loadTerritories(db);
		if (withDemo) seedDemo(db, {});
		const communes = db.all<SheetCommune>(
			sql`select code, name, centroid_lon as lon, centroid_lat as lat from territories where kind = 'commune' and centroid_lon is not null order by code`
		);
		const bytes = encodeWindows1252(tiersLieuxSheet(communes, rows).text);
		// The longest time the event loop went without a turn: what a server's other visitors would wait.
		let last = performance.now();
		let stall = 0;
		const beat = setInterval(() => {
			const now = performance.now();
			stall = Math.max(stall, now - last);
			last = now;
		}, 1);
		const t0 = performance.now();
		const { job, plan } = await previewImport(db, editor, { name: 'bench.csv', bytes }, {});
		const t1 = performance.now();
		const { changes } = await commitImport(db, editor, job.id);
		const t2 = performance.now();
		clearInterval(beat);
		if (plan.counts.error > 0)
			throw new Error(
				`${plan.counts.error} lignes en erreur : ${plan.problems
					.slice(0, 3)
					.map((p) => p.message)
					.join(' ; ')}`
			);
		const revisions = db.get<{ n: number }>(sql`select count(*) as n from revisions where operation = 'import'`).n;
		let update = NaN;
		// Undone: the import itself, or with --updates the update job (its listings then stand at a later version).
		let undone = job.id;
		if (withUpdates) {
			// Our own CSV export (it carries the slugs) with every name corrected: one update per row.
			const changed = new TextEncoder().encode(exportCsv(db, new URLSearchParams()).body.replace(/;Tiers-lieu (\d+) de /g, ';Tiers-lieu $1 à '));
			const u0 = performance.now();
			const again = await previewImport(db, editor, { name: 'bench-maj.csv', bytes: changed }, {});
			await commitImport(db, editor, again.job.id);
			update = performance.now() - u0;
			if (again.plan.counts.update === 0) throw new Error('aucune mise à jour : le fichier modifié ne correspond plus aux fiches');
			console.log(`   mise à jour des mêmes lignes : ${again.plan.counts.update} fiches en ${Math.round(update)} ms`);
			undone = again.job.id;
		}
		const u1 = performance.now();
		await undoImport(db, editor, undone);
		const t3 = performance.now();
		console.log(
			`#${i + 1} : ${changes.createdEntityIds.length} fiches, ${revisions} révisions ; essai à blanc ${Math.round(t1 - t0)} ms, validation ${Math.round(t2 - t1)} ms, total ${Math.round(t2 - t0)} ms (plus long blocage de la boucle ${Math.round(stall)} ms) ; annulation ${Math.round(t3 - u1)} ms`
		);
		return { dry: t1 - t0, commit: t2 - t1, total: t2 - t0, undo: t3 - u1, update, stall };
	} finally {
		db.$client.close();
	}
}

let existing = 0;
if (base) {
	const probe = openDb(base);
	existing = probe.get<{ n: number }>(sql`select count(*) as n from entities`).n;
	probe.$client.close();
}
try {
	const results = [];
	for (let i = 0; i < rounds; i++) results.push(await round(i));
	const total = median(results.map((r) => r.total));
	console.log(
		`\nMédianes sur ${rounds} essais, ${rows} lignes${withDemo ? ' (base de démo)' : ''}${base ? ` dans une copie de ${base} (${existing} fiches)` : ''} : essai à blanc ${Math.round(median(results.map((r) => r.dry)))} ms ; validation ${Math.round(median(results.map((r) => r.commit)))} ms ; annulation ${Math.round(median(results.map((r) => r.undo)))} ms ; plus long blocage de la boucle ${Math.round(median(results.map((r) => r.stall)))} ms ; total ${(total / 1000).toFixed(2)} s = ${((total / BUDGET_MS) * 100).toFixed(0)} % du budget de 10 s.`
	);
	if (withUpdates) console.log(`Mise à jour des ${rows} mêmes lignes (pour information) : ${(median(results.map((r) => r.update)) / 1000).toFixed(2)} s.`);
	console.log(total <= BUDGET_MS ? 'Budget tenu.' : 'BUDGET DÉPASSÉ.');
} finally {
	rmSync(dir, { recursive: true, force: true });
}
