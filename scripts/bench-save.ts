/**
 * `npm run bench:save [-- --db=/path/10k.db --db=/path/100k.db]`: what one save costs as the directory grows
 * (issue 18: « a save costs the same at 100k as at 1k »). On the demo database (~520 listings) and on copies of
 * the given seeded databases (`npm run db:seed -- --scale 100000`), through the services the forms call: an
 * editor's edit of a listing, a new listing proposed (checked against the directory for duplicates), a relation
 * declared. Prints the median and p95 of each, per scale.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { openDb, type Db } from '../src/lib/server/db/index';
import { seedDemo } from '../src/lib/server/seed/index';
import { loadTerritories } from '../src/lib/server/territories/territory-loader';
import { inviteUser, type AccountUser } from '../src/lib/server/services/users.service';
import { declareRelation, proposeEntity, submitEntityUpdate } from '../src/lib/server/services/contribution.service';
import { median } from './lib/local-server';

const ROUNDS = 30;
const dir = mkdtempSync(join(tmpdir(), 'carto-bench-save-'));
const given = process.argv.filter((a) => a.startsWith('--db=')).map((a) => a.slice(5));

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.95) - 1]!;
const timed = (run: (i: number) => void) => {
	const times: number[] = [];
	for (let i = 0; i < ROUNDS; i++) {
		const t = performance.now();
		run(i);
		times.push(performance.now() - t);
	}
	return `${median(times).toFixed(1)} ms (p95 ${p95(times).toFixed(1)})`;
};

function measure(db: Db, label: string) {
	const actors = db.get<{ n: number }>(sql`select count(*) as n from entities where deleted_at is null`).n;
	const email = `bench-save-${Date.now()}@exemple.fr`;
	const editor: AccountUser = { id: inviteUser(db, 'cli', { email, displayName: 'Banc', role: 'editor' }).userId, email, displayName: 'Banc', role: 'editor' };
	const [a, b] = db.all<{ id: number; version: number }>(
		sql`select id, version from entities where kind = 'organisation' and deleted_at is null order by id limit 2`
	);
	let version = a!.version;
	const edit = timed((i) => {
		const r = submitEntityUpdate(db, editor, a!.id, { summary: `Résumé du banc ${i}` }, version);
		version = 'version' in r ? r.version : version + 1;
	});
	const propose = timed((i) =>
		proposeEntity(db, editor, { kind: 'organisation', category: 'company', name: `Société du banc ${Date.now()} ${i}`, communeCode: '63113' })
	);
	const relate = timed((i) =>
		declareRelation(db, editor, { type: 'member_of', sourceId: a!.id, targetId: b!.id, startDate: `20${10 + (i % 15)}`, source: 'banc' } as never)
	);
	console.log(`${label} (${actors.toLocaleString('fr-FR')} fiches) : modifier ${edit} ; proposer ${propose} ; relier ${relate}`);
}

try {
	const demo = openDb(join(dir, 'demo.db'));
	loadTerritories(demo);
	seedDemo(demo, { seed: 42 });
	measure(demo, 'démo');
	demo.$client.close();
	for (const file of given) {
		const copy = join(dir, 'copie.db');
		copyFileSync(file, copy);
		const db = openDb(copy);
		measure(db, file);
		db.$client.close();
		rmSync(copy, { force: true });
	}
} finally {
	rmSync(dir, { recursive: true, force: true });
}
