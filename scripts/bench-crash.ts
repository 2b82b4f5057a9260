/**
 * `npm run bench:crash [-- --kills=40]`: crash safety, proven. A writer process (scripts/lib/crash-writer.ts,
 * the services the server's forms call) proposes, approves and imports on a real database file; it is killed
 * with SIGKILL at a random moment, again and again. After each kill, on a fresh connection: PRAGMA
 * integrity_check and foreign_key_check are clean, every acknowledged write is there, every import is whole
 * or absent, each listing's version matches its last revision, and the search index matches the listings.
 * Prints the number of kills and of writes checked; exit code 1 at the first broken promise.
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { openDb } from '../src/lib/server/db/index';
import { createEntity } from '../src/lib/server/services/entity-write.service';
import { grantManager, setPartnerModerated } from '../src/lib/server/services/managers.service';
import { inviteUser, type AccountUser } from '../src/lib/server/services/users.service';
import { countOf } from '../src/lib/domain/french/typography';
import { loadTerritories } from '../src/lib/server/territories/territory-loader';

const KILLS = Number(process.argv.find((a) => a.startsWith('--kills='))?.split('=')[1] ?? 40);
const dir = mkdtempSync(join(tmpdir(), 'carto-bench-crash-'));
const path = join(dir, 'carto.db');

function setUp() {
	const db = openDb(path);
	loadTerritories(db);
	const account = (email: string, displayName: string, role: AccountUser['role']): AccountUser => ({
		id: inviteUser(db, 'cli', { email, displayName, role }).userId,
		email,
		displayName,
		role
	});
	const editor = account('redaction@crash.test', 'Rédaction', 'editor');
	const partner = account('partenaire@crash.test', 'Partenaire', 'partner');
	const listing = createEntity(db, {
		slug: 'fiche-du-partenaire',
		kind: 'organisation',
		category: 'company',
		name: 'Fiche du partenaire',
		communeCode: '15014'
	});
	grantManager(db, editor, listing, partner.email);
	setPartnerModerated(db, editor, partner.id, true);
	db.$client.close();
}

interface Acks {
	proposals: Map<number, string>;
	approvals: Map<number, string>;
	imports: Map<number, string>;
	started: Map<number, string>;
}

function run(round: number, lifeMs: number): Promise<Acks> {
	const acks: Acks = { proposals: new Map(), approvals: new Map(), imports: new Map(), started: new Map() };
	const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/lib/crash-writer.ts', path, String(round)], { stdio: ['ignore', 'pipe', 'inherit'] });
	createInterface({ input: child.stdout! }).on('line', (line) => {
		const [word, kind, id, ...rest] = line.split(' ');
		const value = rest.join(' ');
		if (word === 'ack' && kind === 'proposal') acks.proposals.set(Number(id), value);
		if (word === 'ack' && kind === 'approval') acks.approvals.set(Number(id), value);
		if (word === 'ack' && kind === 'import') acks.imports.set(Number(id), value);
		if (word === 'start' && kind === 'import') acks.started.set(Number(id), value);
	});
	// The writer's own start (tsx, opening the file) takes a moment: the clock starts at its first line.
	return new Promise((resolve, reject) => {
		let timer: NodeJS.Timeout | undefined;
		child.stdout!.once('data', () => (timer = setTimeout(() => child.kill('SIGKILL'), lifeMs)));
		child.once('exit', (code, signal) => {
			clearTimeout(timer);
			if (signal === 'SIGKILL') setTimeout(() => resolve(acks), 50);
			else reject(new Error(`le processus d’écriture s’est arrêté seul (code ${code})`));
		});
	});
}

function check(acks: Acks): { checked: number; cutWhole: number; cutAbsent: number } {
	const db = new Database(path, { readonly: false });
	const fail = (what: string) => {
		db.close();
		throw new Error(what);
	};
	const integrity = db.pragma('integrity_check', { simple: true });
	if (integrity !== 'ok') fail(`integrity_check : ${String(integrity)}`);
	if ((db.pragma('foreign_key_check') as unknown[]).length > 0) fail('foreign_key_check : références cassées');
	let checked = 0;
	let cutWhole = 0;
	let cutAbsent = 0;
	for (const [id, summary] of acks.proposals) {
		const row = db.prepare('SELECT payload FROM pending_changes WHERE id = ?').get(id) as { payload: string } | undefined;
		if (!row?.payload.includes(summary)) fail(`proposition confirmée ${id} (« ${summary} ») absente`);
		checked++;
	}
	for (const [id, summary] of acks.approvals) {
		const row = db.prepare('SELECT status FROM pending_changes WHERE id = ?').get(id) as { status: string } | undefined;
		if (row?.status !== 'approved') fail(`approbation confirmée ${id} absente (statut ${row?.status})`);
		const revision = db.prepare("SELECT 1 FROM revisions WHERE subject_kind = 'entity' AND snapshot LIKE ?").get(`%"summary":"${summary}"%`);
		if (!revision) fail(`approbation ${id} : aucune révision avec « ${summary} »`);
		checked++;
	}
	// An import is whole or absent: its revisions (one per row written, with the job's reason) are all there
	// with the job marked committed, or none is there and the job is still a preview.
	const jobs = db.prepare('SELECT id, status, file_name AS fileName, changes FROM import_jobs').all() as {
		id: number;
		status: string;
		fileName: string;
		changes: string | null;
	}[];
	for (const job of jobs) {
		if (!acks.imports.has(job.id) && !acks.started.has(job.id)) continue;
		const revisions = (db.prepare('SELECT count(*) AS n FROM revisions WHERE reason = ?').get(`Import n° ${job.id} (${job.fileName})`) as { n: number }).n;
		const changes = job.changes ? (JSON.parse(job.changes) as { createdEntityIds: number[]; updatedEntities: unknown[] }) : null;
		const expected = changes ? changes.createdEntityIds.length + changes.updatedEntities.length : 0;
		const present = changes?.createdEntityIds.length
			? (
					db
						.prepare(`SELECT count(*) AS n FROM entities WHERE id IN (${changes.createdEntityIds.map(() => '?').join(',')})`)
						.get(...changes.createdEntityIds) as { n: number }
				).n
			: 0;
		const whole = job.status === 'committed' && changes !== null && expected > 0 && revisions === expected && present === changes.createdEntityIds.length;
		const absent = job.status === 'preview' && revisions === 0;
		if (acks.imports.has(job.id) && !whole) fail(`import confirmé ${job.id} incomplet : ${revisions} révisions sur ${expected}, statut ${job.status}`);
		if (!whole && !absent) fail(`import ${job.id} à moitié écrit : ${revisions} révisions, statut ${job.status}`);
		if (acks.imports.has(job.id)) checked++;
		else if (whole) cutWhole++;
		else cutAbsent++;
	}
	const drift = db
		.prepare(
			"SELECT count(*) AS n FROM entities e WHERE e.version <> (SELECT max(version) FROM revisions r WHERE r.subject_kind = 'entity' AND r.subject_id = e.id)"
		)
		.get() as { n: number };
	if (drift.n > 0) fail(`${drift.n} fiches dont la version ne correspond pas à leur dernière révision`);
	const visible = (db.prepare("SELECT count(*) AS n FROM entities WHERE deleted_at IS NULL AND status = 'published'").get() as { n: number }).n;
	const indexed = (
		db.prepare('SELECT count(*) AS n FROM entities e JOIN entities_fts f ON f.rowid = e.id WHERE f.name = e.name AND f.summary = e.summary').get() as {
			n: number;
		}
	).n;
	const fts = (db.prepare('SELECT count(*) AS n FROM entities_fts').get() as { n: number }).n;
	if (indexed !== visible || fts !== visible) fail(`index de recherche : ${fts} entrées, ${indexed} à jour, ${visible} fiches publiées`);
	db.prepare("INSERT INTO entities_fts(entities_fts) VALUES ('integrity-check')").run();
	db.close();
	return { checked, cutWhole, cutAbsent };
}

try {
	setUp();
	let writes = 0;
	let imports = 0;
	let cutWhole = 0;
	let cutAbsent = 0;
	for (let round = 1; round <= KILLS; round++) {
		const acks = await run(round, 200 + Math.random() * 1800);
		const r = check(acks);
		writes += r.checked;
		cutWhole += r.cutWhole;
		cutAbsent += r.cutAbsent;
		imports += acks.imports.size;
		if (round % 10 === 0) console.log(`${round} arrêts brutaux : ${writes} écritures confirmées vérifiées.`);
	}
	console.log(
		`\n${KILLS} arrêts brutaux (SIGKILL à un moment tiré au hasard) : ${writes} écritures confirmées retrouvées ` +
			`(propositions, approbations, imports), dont ${countOf(imports, 'import confirmé', 'imports confirmés')} de 40 lignes, entiers ; ` +
			`${countOf(cutWhole + cutAbsent, 'import coupé', 'imports coupés')} en cours d’écriture : ${cutAbsent} absents en entier, ${cutWhole} écrits en entier juste avant l’arrêt, aucun à moitié. ` +
			'Après chaque arrêt : integrity_check ok, clés étrangères ok, versions = dernières révisions, index de recherche à jour.'
	);
} catch (e) {
	console.error(`Promesse rompue : ${(e as Error).message}`);
	process.exitCode = 1;
} finally {
	rmSync(dir, { recursive: true, force: true });
}
