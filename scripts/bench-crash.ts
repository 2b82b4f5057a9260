/**
 * `npm run bench:crash [-- --kills=40]`: crash safety, proven on the real server. The app is started the way
 * the README does (`npm start`: scripts/start.ts, then the server) on a real database file; while a moderated
 * partner proposes and the editor approves from the moderation queue, a second partner saves directly and the
 * editor imports 40-row files (analysis, then « Importer »), all over HTTP as the pages post their forms, the
 * whole server is killed with SIGKILL at a random moment, then started again — 40 times by default. After each
 * kill, on a fresh connection: PRAGMA integrity_check and foreign_key_check are clean, every write the server
 * acknowledged is there, every import is whole or absent, each listing's version matches its last revision,
 * and the search index matches the listings. Prints the number of kills and of writes checked; exit code 1 at
 * the first broken promise. Needs the build (`npx vite build`; start.ts rebuilds when sources are newer).
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from '../src/lib/server/db/index';
import { createSession } from '../src/lib/server/services/auth.service';
import { createEntity } from '../src/lib/server/services/entity-write.service';
import { grantManager, setPartnerModerated } from '../src/lib/server/services/managers.service';
import { inviteUser, type AccountUser } from '../src/lib/server/services/users.service';
import { countOf } from '../src/lib/domain/french/typography';
import { loadTerritories } from '../src/lib/server/territories/territory-loader';
import { startApp } from './lib/local-server';
import { CrashClient, emptyAcks, type Acks } from './lib/crash-client';

const KILLS = Number(process.argv.find((a) => a.startsWith('--kills='))?.split('=')[1] ?? 40);
const dir = mkdtempSync(join(tmpdir(), 'carto-bench-crash-'));
const path = join(dir, 'carto.db');

interface Setup {
	cookies: { editor: string; partner: string; direct: string };
	moderatedListing: number;
	directListing: number;
}

function setUp(): Setup {
	const db = openDb(path);
	loadTerritories(db);
	const account = (email: string, displayName: string, role: AccountUser['role']): AccountUser => ({
		id: inviteUser(db, 'cli', { email, displayName, role }).userId,
		email,
		displayName,
		role
	});
	const listing = (slug: string, name: string) => createEntity(db, { slug, kind: 'organisation', category: 'company', name, communeCode: '15014' });
	const editor = account('redaction@crash.test', 'Rédaction', 'editor');
	const partner = account('partenaire@crash.test', 'Partenaire modéré', 'partner');
	const direct = account('direct@crash.test', 'Partenaire direct', 'partner');
	const moderatedListing = listing('fiche-moderee', 'Fiche modérée');
	const directListing = listing('fiche-directe', 'Fiche directe');
	grantManager(db, editor, moderatedListing, partner.email);
	grantManager(db, editor, directListing, direct.email);
	setPartnerModerated(db, editor, partner.id, true);
	setPartnerModerated(db, editor, direct.id, false);
	// Sessions as the sign-in page would open them (its password hashing is not what is under test here).
	const cookies = { editor: createSession(db, editor.id).token, partner: createSession(db, partner.id).token, direct: createSession(db, direct.id).token };
	db.$client.close();
	return { cookies, moderatedListing, directListing };
}

/** Three people at work at once; each stops at its first unanswered request (the server is gone). */
async function work(client: CrashClient, setup: Setup, round: number, acks: Acks, firstAck: () => void, killed: () => boolean): Promise<void> {
	const loop = async (step: (n: number) => Promise<void>) => {
		try {
			for (let n = 1; ; n++) {
				await step(n);
				firstAck();
			}
		} catch (e) {
			// After the kill an unanswered request is not acknowledged, and that is all it means; before, a refusal is a bug.
			if (!killed()) throw e;
		}
	};
	await Promise.all([
		loop((n) => client.proposeAndApprove(setup.moderatedListing, `Proposition ${round}-${n}`, acks)),
		loop((n) => client.directEdit(setup.directListing, `Enregistrement ${round}-${n}`, acks)),
		loop((n) => client.importRows(`${round}-${n}`, acks))
	]);
}

async function run(setup: Setup, round: number): Promise<Acks> {
	const acks = emptyAcks();
	const app = await startApp({ ...process.env, DATABASE_URL: path, CARTO_BACKUP_DIR: join(dir, 'sauvegardes') });
	const client = new CrashClient(app.baseUrl, setup.cookies);
	const pid = app.server.pid!;
	const exited = new Promise<void>((resolve) => app.server.once('exit', () => resolve()));
	let timer: NodeJS.Timeout | undefined;
	let killed = false;
	const kill = () => {
		killed = true;
		process.kill(-pid, 'SIGKILL');
	};
	// The clock starts at the first acknowledged write, then the kill lands anywhere in the next 0.2–2.5 s.
	const armed = () => (timer ??= setTimeout(kill, 200 + Math.random() * 2300));
	const working = work(client, setup, round, acks, armed, () => killed);
	// A refusal while the server runs ends the run at once (the server is stopped all the same).
	working.catch(() => killed || kill());
	await exited;
	clearTimeout(timer);
	await working;
	// The server's own child (the HTTP process) died with the group; give the kernel a moment to release it.
	await new Promise((r) => setTimeout(r, 100));
	if (acks.proposals.length + acks.edits.length + acks.imports.size === 0) throw new Error(`arrêt ${round} : aucune écriture confirmée avant l’arrêt`);
	return acks;
}

/**
 * `cutBefore`: imports the previous kill cut in the middle of their chunks; the app took them back when it
 * started again, so they must now be absent. Returns the ones this kill cut.
 */
function check(acks: Acks, cutBefore: Set<number>): { checked: number; cutWhole: number; cutAbsent: number; cutMidway: Set<number> } {
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
	const revisedWith = (summary: string) =>
		!!db.prepare("SELECT 1 FROM revisions WHERE subject_kind = 'entity' AND snapshot LIKE ?").get(`%"summary":"${summary}"%`);
	const waiting = (summary: string) =>
		!!db.prepare("SELECT 1 FROM pending_changes WHERE status = 'pending' AND payload LIKE ?").get(`%"summary":"${summary}"%`);
	// A proposal is in the queue or approved; the partner's next save replaces one still waiting (the form showed
	// it), so only the last proposal of a run may be waiting.
	acks.proposals.forEach((summary, i) => {
		const last = i === acks.proposals.length - 1;
		if (!revisedWith(summary) && !(last && waiting(summary))) fail(`proposition confirmée « ${summary} » ni en attente ni approuvée`);
		checked++;
	});
	for (const summary of [...acks.approvals, ...acks.edits]) {
		if (!revisedWith(summary)) fail(`écriture confirmée « ${summary} » : aucune révision ne la contient`);
		checked++;
	}
	// An import is whole or absent: its revisions (one per row written, with the job's reason) are all there
	// with the job marked committed, or the job is still a preview and no listing it created is alive (a commit
	// cut between two chunks is taken back at the next start: its listings deleted, as revisions).
	const jobs = db.prepare('SELECT id, status, file_name AS fileName, changes FROM import_jobs').all() as {
		id: number;
		status: string;
		fileName: string;
		changes: string | null;
	}[];
	const cutMidway = new Set<number>();
	for (const job of jobs) {
		if (!acks.imports.has(job.id) && !acks.started.has(job.id) && !cutBefore.has(job.id)) continue;
		const reason = `Import n° ${job.id} (${job.fileName})`;
		const revisions = (db.prepare('SELECT count(*) AS n FROM revisions WHERE reason = ?').get(reason) as { n: number }).n;
		const changes = job.changes ? (JSON.parse(job.changes) as { createdEntityIds: number[]; updatedEntities: unknown[]; writing?: unknown }) : null;
		const aliveFromIt = (
			db
				.prepare(
					"SELECT count(*) AS n FROM entities WHERE deleted_at IS NULL AND id IN (SELECT subject_id FROM revisions WHERE reason = ? AND operation = 'create' AND subject_kind = 'entity')"
				)
				.get(reason) as { n: number }
		).n;
		if (changes?.writing) {
			if (acks.imports.has(job.id)) fail(`import confirmé ${job.id} encore en cours d’écriture`);
			// Cut again while the start took it back (the kill can land then too): the next start finishes it.
			cutMidway.add(job.id);
			continue;
		}
		const expected = changes ? changes.createdEntityIds.length + changes.updatedEntities.length : 0;
		const present = changes?.createdEntityIds.length
			? (
					db
						.prepare(`SELECT count(*) AS n FROM entities WHERE id IN (${changes.createdEntityIds.map(() => '?').join(',')})`)
						.get(...changes.createdEntityIds) as { n: number }
				).n
			: 0;
		const whole = job.status === 'committed' && changes !== null && expected > 0 && revisions === expected && present === changes.createdEntityIds.length;
		const absent = job.status === 'preview' && changes === null && aliveFromIt === 0;
		if (acks.imports.has(job.id) && !whole) fail(`import confirmé ${job.id} incomplet : ${revisions} révisions sur ${expected}, statut ${job.status}`);
		if (!whole && !absent) fail(`import ${job.id} à moitié écrit : ${revisions} révisions, ${aliveFromIt} fiches vivantes, statut ${job.status}`);
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
	return { checked, cutWhole, cutAbsent, cutMidway };
}

try {
	const setup = setUp();
	let writes = 0;
	let imports = 0;
	let cutWhole = 0;
	let cutAbsent = 0;
	let cut = new Set<number>();
	let midway = 0;
	for (let round = 1; round <= KILLS; round++) {
		const acks = await run(setup, round);
		const r = check(acks, cut);
		writes += r.checked;
		cutWhole += r.cutWhole;
		cutAbsent += r.cutAbsent;
		midway += [...r.cutMidway].filter((id) => !cut.has(id)).length;
		cut = r.cutMidway;
		imports += acks.imports.size;
		if (round % 10 === 0) console.log(`${round} arrêts brutaux du serveur : ${writes} écritures confirmées vérifiées.`);
	}
	if (cut.size > 0) {
		// The last kill cut an import between two chunks: one more start takes it back.
		const app = await startApp({ ...process.env, DATABASE_URL: path, CARTO_BACKUP_DIR: join(dir, 'sauvegardes') });
		const exited = new Promise<void>((resolve) => app.server.once('exit', () => resolve()));
		const waitTaken = async () => {
			for (let i = 0; i < 300; i++) {
				const db = new Database(path, { readonly: true });
				const left = db.prepare("SELECT count(*) AS n FROM import_jobs WHERE json_extract(changes, '$.writing') IS NOT NULL").get() as { n: number };
				db.close();
				if (left.n === 0) return;
				await new Promise((r) => setTimeout(r, 100));
			}
		};
		await waitTaken();
		process.kill(-app.server.pid!, 'SIGTERM');
		await exited;
		const r = check(emptyAcks(), cut);
		if (r.cutMidway.size > 0) throw new Error(`imports ${[...r.cutMidway].join(', ')} coupés entre deux lots, pas repris au démarrage`);
		cutAbsent += r.cutAbsent;
	}
	console.log(
		`\n${KILLS} arrêts brutaux du serveur (SIGKILL à un moment tiré au hasard, puis npm start) : ${writes} écritures confirmées ` +
			`par le serveur retrouvées (propositions, approbations, enregistrements directs, imports), dont ` +
			`${countOf(imports, 'import confirmé', 'imports confirmés')} de 40 lignes, entiers ; ` +
			`${countOf(cutWhole + cutAbsent, 'import coupé', 'imports coupés')} en cours d’écriture : ${countOf(cutAbsent, 'absent', 'absents')} en entier ` +
			`(dont ${midway} coupé${midway > 1 ? 's' : ''} entre deux lots, repris au démarrage suivant), ` +
			`${countOf(cutWhole, 'écrit', 'écrits')} en entier juste avant l’arrêt, aucun à moitié. ` +
			'Après chaque arrêt : integrity_check ok, clés étrangères ok, versions = dernières révisions, index de recherche à jour.'
	);
} catch (e) {
	console.error(`Promesse rompue : ${(e as Error).message}`);
	process.exitCode = 1;
} finally {
	rmSync(dir, { recursive: true, force: true });
}
