/**
 * `npm run eval:search`: how well search finds what visitors mean, measured on the relevance set
 * (tests/search-relevance/queries.ts) over a temporary demo database (real migrations, embedded territories,
 * `seedDemo`). Prints success@1, success@5 and MRR « avant » (strategy `exact`, search as it was) and « après »
 * (strategy `forgiving`, the default), then the queries the forgiving search still does not put first.
 * Exits with 1 when the forgiving figures fall below tests/search-relevance/floor.json (the test checks the same).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from '../src/lib/server/db/index';
import { loadTerritories } from '../src/lib/server/territories/territory-loader';
import { seedDemo } from '../src/lib/server/seed/index';
import { belowFloor, DEPTH, evaluate, type Evaluation, type Figures } from '../tests/search-relevance/evaluate';
import floor from '../tests/search-relevance/floor.json';

const percent = (x: number) => `${(x * 100).toFixed(1).replace('.', ',')} %`;
const decimal = (x: number) => x.toFixed(3).replace('.', ',');
const points = (x: number) =>
	`${x >= 0 ? '+' : '−'}${Math.abs(x * 100)
		.toFixed(1)
		.replace('.', ',')} pt`;
const signed = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(3).replace('.', ',')}`;

function row(label: string, cells: string[]): string {
	return label.padEnd(22) + cells.map((c) => c.padStart(12)).join('');
}

function figures(label: string, e: Figures): string {
	return row(label, [percent(e.successAt1), percent(e.successAt5), decimal(e.mrr)]);
}

const dir = mkdtempSync(join(tmpdir(), 'carto-eval-'));
try {
	const db = openDb(join(dir, 'eval.db'));
	loadTerritories(db);
	const seeded = seedDemo(db);
	const before: Evaluation = evaluate(db, 'exact');
	const after: Evaluation = evaluate(db, 'forgiving');
	db.$client.close();

	console.log(`Jeu de pertinence : ${after.queries} requêtes sur la démo (${seeded.entities} acteurs), ${DEPTH} premiers résultats lus.\n`);
	console.log(row('', ['succès@1', 'succès@5', 'MRR']));
	console.log(figures('avant (exact)', before));
	console.log(figures('après (forgiving)', after));
	console.log(row('écart', [points(after.successAt1 - before.successAt1), points(after.successAt5 - before.successAt5), signed(after.mrr - before.mrr)]));
	console.log(figures('plancher (floor.json)', floor));

	const rankOf = (e: Evaluation, q: string) => e.outcomes.find((o) => o.q === q)?.rank ?? null;
	const rankText = (rank: number | null) => (rank === null ? `absent des ${DEPTH} premiers` : `rang ${rank}`);
	console.log(`\nRequêtes encore manquées après (aucun acteur attendu en tête) : ${after.failing.length}`);
	for (const o of after.failing) {
		const was = rankOf(before, o.q);
		const change = was === o.rank ? '' : ` (avant : ${rankText(was)})`;
		console.log(`  « ${o.q} » — ${rankText(o.rank)}${change} — ${o.why}`);
	}
	const lost = after.outcomes.filter((o) => {
		const was = rankOf(before, o.q);
		return was !== null && (o.rank === null || o.rank > was);
	});
	if (lost.length) {
		console.log(`\nRequêtes moins bien servies qu'avant : ${lost.length}`);
		for (const o of lost) console.log(`  « ${o.q} » — ${rankText(rankOf(before, o.q))} → ${rankText(o.rank)}`);
	}

	const fallen = belowFloor(after, floor);
	console.log(fallen.length ? `\nSOUS LE PLANCHER : ${fallen.join(', ')}.` : '\nPlancher tenu.');
	process.exitCode = fallen.length ? 1 : 0;
} finally {
	rmSync(dir, { recursive: true, force: true });
}
