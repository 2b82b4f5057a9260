import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { turnsDuring } from '../event-loop-turns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDb, type Db } from '../../src/lib/server/db/index';
import { loadTerritories } from '../../src/lib/server/territories/territory-loader';
import { commitImport, previewImport } from '../../src/lib/server/services/import.service';
import { recoverInterruptedImports } from '../../src/lib/server/import/chunked-write';
import { createEntity, updateEntity } from '../../src/lib/server/services/entity-write.service';
import { SYSTEM_ACTOR } from '../../src/lib/history/revision';

/*
 * An import commit writes in short chunks (issue 18): the server keeps answering while it writes, a command-line
 * import leaves the write lock to the server between chunks, and the job stays whole or absent — an error takes
 * back what the earlier chunks wrote, and a process killed mid-write is taken back at the next start.
 * Real database files built by the real migrations; the command line is the real script under tsx.
 */

const editor = { id: 1, email: 'redaction@exemple.fr', displayName: 'Rédaction', role: 'editor' as const, status: 'active' as const };
const COMMUNES = ['63113', '03185', '15014', '43157', '63178', '03310', '15187', '43040'];
const WORDS = ['Atelier', 'Fabrique', 'Ruche', 'Grange', 'Comptoir', 'Forge', 'Serre', 'Halle', 'Cabane', 'Usine'];
const PLACES = ['des Volcans', 'du Sancy', 'de la Limagne', 'du Livradois', 'des Combrailles', 'du Forez', 'de la Margeride', 'du Cézallier'];

/** A spreadsheet's CSV (semicolons, CRLF, a BOM) of `n` distinct third-places, then `more` rows as they are. */
function csv(n: number, prefix: string, more: string[] = []): Uint8Array {
	const lines = ['\ufeffNom;Catégorie;Code INSEE;Résumé;Identifiant'];
	for (let i = 0; i < n; i++) lines.push(`${WORDS[i % 10]} ${PLACES[Math.floor(i / 10) % 8]} ${prefix}${i};Coworking;${COMMUNES[i % 8]};;`);
	return new TextEncoder().encode([...lines, ...more].join('\r\n') + '\r\n');
}

let dir: string;
const fresh = (name: string) => {
	const db = openDb(join(dir, name));
	loadTerritories(db);
	return db;
};
const live = (db: Db, like: string) => db.get<{ n: number }>(sql`select count(*) as n from entities where name like ${like} and deleted_at is null`).n;
const job = (db: Db, id: number) => db.get<{ status: string; changes: string | null }>(sql`select status, changes from import_jobs where id = ${id}`);

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'carto-import-chunked-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('an import commit in chunks', () => {
	it('lets the event loop turn between chunks and ends whole, in one job', async () => {
		const db = fresh('turns.db');
		const { job: preview } = await previewImport(db, editor, { name: 'tiers-lieux.csv', bytes: csv(600, 'T') }, {});
		const progress: number[] = [];
		const {
			value: { changes },
			turns
		} = await turnsDuring(() => commitImport(db, editor, preview.id, { onProgress: (p) => p.phase === 'ecriture' && progress.push(p.done) }));
		expect(changes.createdEntityIds).toHaveLength(600);
		expect(live(db, '% T%')).toBe(600);
		// One transaction would give the loop no turn at all while writing, and report progress once.
		expect(new Set(progress).size).toBeGreaterThan(3);
		expect(turns).toBeGreaterThan(3);
		const done = job(db, preview.id)!;
		expect(done.status).toBe('committed');
		expect(JSON.parse(done.changes!)).not.toHaveProperty('writing');
		db.$client.close();
	});

	it('takes back what earlier chunks wrote when a later one fails, and says why', async () => {
		const db = fresh('fails.db');
		const kept = createEntity(
			db,
			{ kind: 'third_place', category: 'rural_third_place', name: 'Grange existante', slug: 'grange-existante', communeCode: '63113' },
			{ actor: SYSTEM_ACTOR }
		);
		// 300 new rows, then the existing listing updated (updates come after the creations).
		const file = csv(300, 'F', ['Grange existante;Tiers-lieu rural;63113;Résumé venu du fichier;grange-existante']);
		const { job: preview, plan } = await previewImport(db, editor, { name: 'avec-maj.csv', bytes: file }, {});
		expect(plan.counts).toMatchObject({ create: 300, update: 1 });
		let edited = false;
		const commit = commitImport(db, editor, preview.id, {
			onProgress: (p) => {
				// Someone saves the listing while the first chunks are written: the update's version no longer holds.
				if (!edited && p.phase === 'ecriture' && p.done > 0) {
					edited = true;
					updateEntity(db, kept, { summary: 'Modifié pendant l’import' }, { actor: SYSTEM_ACTOR, reason: 'essai', expectedVersion: 1 });
				}
			}
		});
		await expect(commit).rejects.toThrow();
		expect(edited).toBe(true);
		expect(live(db, '% F%')).toBe(0);
		expect(db.get<{ summary: string }>(sql`select summary from entities where id = ${kept}`)!.summary).toBe('Modifié pendant l’import');
		expect(job(db, preview.id)).toEqual({ status: 'preview', changes: null });
		const reasons = db.all<{ reason: string; n: number }>(
			sql`select reason, count(*) as n from revisions where reason like '%import n° ${sql.raw(String(preview.id))} %' group by reason`
		);
		expect(reasons).toContainEqual({ reason: `Annulation de l'import n° ${preview.id} (avec-maj.csv) : écriture interrompue`, n: expect.any(Number) });
		db.$client.close();
	});
});

function cli(path: string, file: string) {
	// One process (node with tsx's loader), so the pid the job records is the one killed.
	return spawn(process.execPath, ['--import', 'tsx', 'scripts/import.ts', file, '--lenient'], {
		env: { ...process.env, DATABASE_URL: path, CARTO_GEOCODER_URL: 'off' },
		stdio: ['ignore', 'pipe', 'pipe']
	});
}

const exited = (child: ReturnType<typeof spawn>) => new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

describe('a command-line import beside a running server', () => {
	it('leaves the write lock free between chunks: the server’s saves are written in between, none fails', async () => {
		const path = join(dir, 'shared.db');
		const db = fresh('shared.db');
		const listing = createEntity(db, {
			kind: 'third_place',
			category: 'coworking',
			name: 'Fiche du partenaire',
			slug: 'fiche-du-partenaire',
			communeCode: '63113'
		});
		const file = join(dir, 'gros.csv');
		writeFileSync(file, csv(1500, 'C'));
		const child = cli(path, file);
		let err = '';
		child.stderr!.on('data', (d) => (err += d));
		const done = exited(child);
		let saves = 0;
		let running = true;
		void done.then(() => (running = false));
		let version = 1;
		while (running) {
			version = updateEntity(
				db,
				listing,
				{ summary: `sauvegarde ${saves}` },
				{ actor: SYSTEM_ACTOR, reason: 'sauvegarde du partenaire', expectedVersion: version }
			).version;
			saves++;
			await new Promise((r) => setTimeout(r, 10));
		}
		expect(await done, err).toBe(0);
		expect(live(db, '% C%')).toBe(1500);
		// One transaction would give the import's revisions consecutive ids; chunks let the partner's saves in between.
		const span = db.get<{ first: number; last: number }>(sql`select min(id) as first, max(id) as last from revisions where reason like 'Import n° %'`)!;
		const between = db.get<{ n: number }>(
			sql`select count(*) as n from revisions where subject_id = ${listing} and subject_kind = 'entity' and id > ${span.first} and id < ${span.last}`
		).n;
		expect(between).toBeGreaterThan(3);
		db.$client.close();
	}, 600_000);

	it('is taken back whole when killed mid-write, at the next start; a job a live process writes is left to it', async () => {
		const path = join(dir, 'killed.db');
		const db = fresh('killed.db');
		const file = join(dir, 'coupe.csv');
		writeFileSync(file, csv(2000, 'K'));
		const child = cli(path, file);
		const done = exited(child);
		// Killed once a few chunks are in the database.
		for (;;) {
			const written = db.get<{ n: number }>(sql`select count(*) as n from entities where name like '% K%'`).n;
			if (written >= 200) break;
			await new Promise((r) => setTimeout(r, 20));
		}
		child.kill('SIGKILL');
		await done;
		const cut = db.get<{ id: number; changes: string }>(sql`select id, changes from import_jobs order by id desc limit 1`)!;
		const marked = JSON.parse(cut.changes) as { createdEntityIds: number[]; writing: { pid: number } };
		expect(marked.writing.pid).toBe(child.pid);
		const half = live(db, '% K%');
		expect(half).toBeGreaterThan(0);
		expect(half).toBeLessThan(2000);

		// Another process still writing (here: this test's parent, alive) is not touched.
		db.run(sql`update import_jobs set changes = json_set(changes, '$.writing.pid', ${process.ppid}) where id = ${cut.id}`);
		expect(await recoverInterruptedImports(db)).toBe(0);
		expect(live(db, '% K%')).toBe(half);

		db.run(sql`update import_jobs set changes = json_set(changes, '$.writing.pid', ${child.pid!}) where id = ${cut.id}`);
		expect(await recoverInterruptedImports(db)).toBe(1);
		expect(live(db, '% K%')).toBe(0);
		expect(job(db, cut.id)).toEqual({ status: 'preview', changes: null });
		// Every listing it had created is deleted as a revision of its own (nothing erased, all in the history).
		const deletions = db.get<{ n: number }>(
			sql`select count(*) as n from revisions where operation = 'delete' and reason like ${`Annulation de l'import n° ${cut.id} %`}`
		).n;
		expect(deletions).toBe(marked.createdEntityIds.length);
		db.$client.close();
	}, 240_000);
});
