/**
 * `npm run bench:editor-pages [-- --dbs=/tmp/scale/10k.db,/tmp/scale/100k.db] [-- --rounds=5]`: every page of the
 * editors and of a partner, asked over HTTP of the built app (started as the README does) on a copy of each seeded
 * database (issue 18 §1: « a 100,000-actor database answers every page »). Per page it prints:
 *  - « 1re »: the first request after the server started (nothing kept yet: counts, figures, the duplicate pairs);
 *  - « médiane »: the median of `rounds` requests in a row, nothing written between them;
 *  - « après écriture »: the median of `rounds` requests each just after a write from another connection (a new
 *    data revision: every per-revision answer is computed again, as after an editor's save);
 *  - « pendant les doublons »: /healthz's time while the duplicate pairs are first computed (they run in the
 *    read worker: no request waits on them).
 * The budget is 300 ms for every page's median at 100,000 actors. Needs `npx vite build` (start.ts rebuilds when
 * the sources are newer). Seed the databases first, e.g. `DATABASE_URL=/tmp/scale/100k.db npm run db:seed -- --scale 100000 --reset`.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { openDb } from '../src/lib/server/db/index';
import { createSession } from '../src/lib/server/services/auth.service';
import { grantManager } from '../src/lib/server/services/managers.service';
import type { AccountUser } from '../src/lib/server/services/users.service';
import { benchAccount } from './lib/bench-account';
import { median, startApp } from './lib/local-server';

const flag = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const rounds = Number(flag('rounds') ?? 5);
const dbs = (flag('dbs') ?? '/tmp/scale/10k.db,/tmp/scale/100k.db').split(',').filter(Boolean);
const BUDGET_MS = 300;

interface Prepared {
	editor: string;
	partner: string;
	listing: number;
	actors: number;
	relations: number;
}

/** The copy migrated, an editor and a partner managing one organisation, their sessions. */
function prepare(path: string): Prepared {
	const db = openDb(path);
	try {
		const account = (email: string, displayName: string, role: AccountUser['role']) => benchAccount(db, email, displayName, role);
		const editor = account('redaction@bench.test', 'Rédaction', 'editor');
		const partner = account('partenaire@bench.test', 'Partenaire', 'partner');
		const q = (s: string) => db.$client.prepare(s).get() as { n: number };
		const listing = q("select id as n from entities where kind = 'organisation' and deleted_at is null order by id limit 1").n;
		grantManager(db, editor, listing, partner.email);
		return {
			editor: createSession(db, editor.id).token,
			partner: createSession(db, partner.id).token,
			listing,
			actors: q('select count(*) as n from entities where deleted_at is null').n,
			relations: q('select count(*) as n from relations where deleted_at is null').n
		};
	} finally {
		db.$client.close();
	}
}

const editorPages = (listing: number) => [
	'/moderation',
	'/moderation/tableau',
	'/moderation/fiches',
	'/moderation/fiches?fraicheur=a-verifier',
	'/moderation/fiches?gestionnaire=aucun&departement=63',
	'/moderation/fiches?page=1000',
	'/moderation/relations',
	'/moderation/relations?filtre=non-confirmees',
	'/moderation/relations?filtre=contestees',
	'/moderation/doublons',
	'/moderation/rappels',
	'/moderation/propositions?type=report',
	'/admin/import',
	'/admin/utilisateurs',
	`/espace/fiches/${listing}`,
	'/espace'
];
const partnerPages = (listing: number) => ['/espace', `/espace/fiches/${listing}`];

async function timed(url: string, token: string): Promise<{ ms: number; status: number; body: string }> {
	const t = performance.now();
	const r = await fetch(url, { headers: { cookie: `carto_session=${token}` }, redirect: 'manual' });
	const body = await r.text();
	return { ms: performance.now() - t, status: r.status, body };
}

async function benchOne(source: string): Promise<void> {
	const dir = mkdtempSync(join(tmpdir(), 'carto-bench-editor-pages-'));
	const path = join(dir, 'carto.db');
	try {
		copyFileSync(source, path);
		const t0 = performance.now();
		const p = prepare(path);
		console.log(
			`\n${basename(source)} : ${p.actors.toLocaleString('fr-FR')} acteurs, ${p.relations.toLocaleString('fr-FR')} relations (copie préparée en ${Math.round(performance.now() - t0)} ms)`
		);
		const app = await startApp({ ...process.env, DATABASE_URL: path });
		const writer = new Database(path);
		// A write from another connection (as the command-line import): SQLite's data_version moves, every answer kept per revision is old.
		const write = writer.prepare('update entities set updated_at = updated_at where id = ?');
		try {
			// The server's event loop while the pairs are first computed: /healthz asked every 50 ms meanwhile.
			const health: number[] = [];
			/** What the bench was asking when /healthz waited longest: where the event loop was held. */
			let asking = 'démarrage';
			let longest = { ms: 0, during: '' };
			let healthErrors = 0;
			let pairsDone = false;
			const poll = (async () => {
				while (!pairsDone) {
					try {
						const during = asking;
						const ms = (await timed(`${app.baseUrl}/healthz`, p.editor)).ms;
						health.push(ms);
						if (ms > longest.ms) longest = { ms, during: during === asking ? during : `${during} → ${asking}` };
					} catch (e) {
						healthErrors++;
						if (app.server.exitCode !== null) throw new Error(`le serveur s’est arrêté (code ${app.server.exitCode})`, { cause: e });
					}
					await new Promise((r) => setTimeout(r, 50));
				}
			})();
			const rows: { who: string; page: string; status: number; first: number; warm: number; afterWrite: number; note: string }[] = [];
			for (const [who, token, pages] of [
				['éditeur', p.editor, editorPages(p.listing)],
				['partenaire', p.partner, partnerPages(p.listing)]
			] as const) {
				for (const page of pages) {
					asking = `${who} ${page}`;
					const url = app.baseUrl + page;
					const first = await timed(url, token);
					const computing = first.body.includes('data-testid="computing"') || first.body.includes('data-testid="duplicates-computing"');
					const warm: number[] = [];
					for (let i = 0; i < rounds; i++) warm.push((await timed(url, token)).ms);
					const afterWrite: number[] = [];
					for (let i = 0; i < rounds; i++) {
						write.run(p.listing);
						afterWrite.push((await timed(url, token)).ms);
					}
					rows.push({
						who,
						page,
						status: first.status,
						first: first.ms,
						warm: median(warm),
						afterWrite: median(afterWrite),
						note: computing ? '« calcul en cours »' : ''
					});
				}
			}
			// The pairs, once computed (asked until the page stops saying « calcul en cours »).
			asking = 'attente des doublons';
			const tPairs = performance.now();
			let resets = 0;
			for (;;) {
				// A connection reset (a keep-alive socket closed by the server as it was reused) is asked again, and counted.
				const page = await timed(`${app.baseUrl}/moderation/doublons`, p.editor).catch(() => (resets++, null));
				if (page && !page.body.includes('data-testid="computing"')) break;
				if (resets > 5 || app.server.exitCode !== null) throw new Error(`/moderation/doublons : pas de réponse (${resets} connexions coupées)`);
				await new Promise((r) => setTimeout(r, 500));
			}
			healthErrors += resets;
			pairsDone = true;
			await poll;
			const pad = (s: string, n: number) => s.padEnd(n);
			const ms = (x: number) => `${Math.round(x)} ms`.padStart(9);
			console.log(`${pad('qui', 11)}${pad('page', 58)}${pad('code', 5)}${'1re'.padStart(9)}${'médiane'.padStart(9)}${'après écr.'.padStart(11)}`);
			for (const r of rows) {
				const over = Math.max(r.warm, r.afterWrite) > BUDGET_MS ? `  > ${BUDGET_MS} ms` : '';
				console.log(
					`${pad(r.who, 11)}${pad(r.page, 58)}${pad(String(r.status), 5)}${ms(r.first)}${ms(r.warm)}${ms(r.afterWrite).padStart(11)}  ${r.note}${over}`
				);
			}
			const worst = Math.max(...rows.map((r) => Math.max(r.warm, r.afterWrite)));
			console.log(`pire médiane : ${Math.round(worst)} ms (budget ${BUDGET_MS} ms) ${worst <= BUDGET_MS ? 'OK' : 'DÉPASSÉ'}`);
			console.log(
				`/healthz pendant tout le passage (${health.length} requêtes, ${healthErrors} sans réponse) : médiane ${Math.round(median(health))} ms, max ${Math.round(Math.max(...health))} ms (pendant : ${longest.during}) ; doublons prêts ${Math.round(performance.now() - tPairs)} ms après la fin du passage`
			);
		} finally {
			writer.close();
			await app.stop();
		}
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

for (const source of dbs) {
	if (!existsSync(source)) {
		console.log(`${source} : absent (seed it first), skipped`);
		continue;
	}
	await benchOne(source);
}
