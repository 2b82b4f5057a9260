/**
 * `npm run bench:load [-- --seconds=30] [-- --connections=50] [-- --dbs=/tmp/scale/10k.db,/tmp/scale/100k.db]
 * [-- --think=0] [-- --write-pause=500] [-- --writer=off]`: the whole server under load (issue 18). For each seeded database (a
 * copy: the file given is never written), the built app is started as the README does (`npm start`) and, for
 * `seconds`, `connections` keep-alive connections on 127.0.0.1 ask a mix of public reads (home, /acteurs with
 * filters and sorts, map points, /api/v1/graph, search page and API, actor pages, the finder, the API's list and
 * records, /healthz) while one writer works as people do: the editor's CSV import over HTTP (analysis, then
 * « Importer »), a partner's direct save, a partner's new relation (a new graph revision), then /api/v1/graph/
 * metrics asked (which starts their recomputation in the worker). Prints requests/s, p50/p99 per route,
 * errors, connection resets, SQLITE_BUSY seen on the server's stderr and the server's event-loop delay
 * (CARTO_EVENT_LOOP_STATS=on, read from /healthz), beside the budgets; « seule » is each route's median on the
 * idle server just before (5 requests in a row): its own cost, without the queue; « gardées » is the share answered
 * from memory (`x-carto-cache: hit`), which never waits for a heavy request's turn (src/lib/server/http/heavy-turns.ts;
 * `CARTO_HEAVY_TURNS=off npm run bench:load` measures the server without those turns). Needs `npx vite build` (start.ts
 * rebuilds when the sources are newer). Seed the databases first, e.g.
 * `DATABASE_URL=/tmp/scale/100k.db npm run db:seed -- --scale 100000 --reset`.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { openDb } from '../src/lib/server/db/index';
import { createSession } from '../src/lib/server/services/auth.service';
import { grantManager, setPartnerModerated } from '../src/lib/server/services/managers.service';
import type { AccountUser } from '../src/lib/server/services/users.service';
import { benchAccount } from './lib/bench-account';
import { seededRandom } from '../src/lib/graph/random';
import { ENTITY_KINDS, OFFERS, SECTORS, STAGES } from '../src/lib/domain/vocabulary';
import { SORT_KEYS } from '../src/lib/domain/filters';
import { median, startApp } from './lib/local-server';
import { CrashClient, emptyAcks } from './lib/crash-client';
import { closedLoop, percentile, type RouteChoice, type RouteFigures } from './lib/load-client';

const flag = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const seconds = Number(flag('seconds') ?? 30);
const connections = Number(flag('connections') ?? 50);
const thinkMs = Number(flag('think') ?? 0);
const writePauseMs = Number(flag('write-pause') ?? 500);
/** `--writer=off`: the reads alone, to tell what the writes and the recomputation cost them. */
const writing = flag('writer') !== 'off';
const dbs = (flag('dbs') ?? '/tmp/scale/10k.db,/tmp/scale/100k.db').split(',').filter(Boolean);

const BUDGET_CHEAP_P99_MS = 50;
/** The cheap routes the budget speaks of: no database work beyond one row. */
const CHEAP = ['/healthz', '/api/v1/entities/[slug]'];

interface Sample {
	slugs: string[];
	words: string[];
	communes: string[];
	listingId: number;
	others: number[];
	cookies: { editor: string; partner: string; direct: string };
}

/** Accounts and sessions for the writer, and what the readers will ask for, taken from the copy itself. */
function prepare(path: string): Sample {
	const db = openDb(path);
	try {
		const account = (email: string, displayName: string, role: AccountUser['role']) => benchAccount(db, email, displayName, role);
		const all = <T>(sql: string) => db.$client.prepare(sql).all() as T[];
		const published = "status = 'published' AND deleted_at IS NULL";
		const slugs = all<{ slug: string }>(`SELECT slug FROM entities WHERE ${published} ORDER BY random() LIMIT 3000`).map((r) => r.slug);
		const names = all<{ name: string }>(`SELECT name FROM entities WHERE ${published} ORDER BY random() LIMIT 400`).map((r) => r.name);
		const words = [...new Set(names.flatMap((n) => n.toLowerCase().split(/[^\p{L}]+/u)).filter((w) => w.length >= 4))];
		const communes = all<{ code: string }>(`SELECT DISTINCT commune_code AS code FROM entities WHERE commune_code IS NOT NULL AND ${published} LIMIT 300`).map(
			(r) => r.code
		);
		const listingId = (all<{ id: number }>(`SELECT id FROM entities WHERE kind = 'organisation' AND ${published} ORDER BY id LIMIT 1`)[0] ?? { id: 0 }).id;
		const others = all<{ id: number }>(`SELECT id FROM entities WHERE ${published} AND id <> ${listingId} ORDER BY random() LIMIT 2000`).map((r) => r.id);
		const editor = account('redaction@load.test', 'Rédaction', 'editor');
		const partner = account('partenaire@load.test', 'Partenaire modéré', 'partner');
		const direct = account('direct@load.test', 'Partenaire direct', 'partner');
		grantManager(db, editor, listingId, direct.email);
		setPartnerModerated(db, editor, direct.id, false);
		const cookies = { editor: createSession(db, editor.id).token, partner: createSession(db, partner.id).token, direct: createSession(db, direct.id).token };
		return { slugs, words, communes, listingId, others, cookies };
	} finally {
		db.$client.close();
	}
}

function mix(s: Sample, random: () => number): RouteChoice[] {
	const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
	const q = (p: Record<string, string>) => new URLSearchParams(p).toString();
	const directory = () => {
		const p: Record<string, string> = {};
		const r = random();
		if (r < 0.3) p.page = String(1 + Math.floor(random() * 20));
		else if (r < 0.5) p.kind = pick(ENTITY_KINDS);
		else if (r < 0.65) p.sort = pick(SORT_KEYS);
		else if (r < 0.75) p.territory = pick(['03', '15', '43', '63']);
		else if (r < 0.85) p.sector = pick(SECTORS);
		if (random() < 0.2) p.dir = 'desc';
		return `/acteurs?${q(p)}`;
	};
	const finder = () => {
		const p = new URLSearchParams({ stage: pick(STAGES), commune: pick(s.communes) });
		if (random() < 0.5) p.append('sector', pick(SECTORS));
		if (random() < 0.5) p.append('need', pick(OFFERS));
		return `/api/v1/pathways/route?${p}`;
	};
	return [
		{ route: '/', weight: 6, path: () => '/' },
		{ route: '/acteurs', weight: 14, path: directory },
		{ route: '/acteurs/[slug]', weight: 18, path: () => `/acteurs/${pick(s.slugs)}` },
		{ route: '/recherche', weight: 6, path: () => `/recherche?${q({ q: pick(s.words) })}` },
		{ route: '/api/v1/search', weight: 8, path: () => `/api/v1/search?${q({ q: pick(s.words) })}` },
		{ route: '/api/v1/map/points', weight: 4, path: () => (random() < 0.5 ? '/api/v1/map/points' : `/api/v1/map/points?kind=${pick(ENTITY_KINDS)}`) },
		{ route: '/api/v1/graph', weight: 3, path: () => '/api/v1/graph' },
		{ route: '/api/v1/pathways/route', weight: 8, path: finder },
		{
			route: '/api/v1/entities',
			weight: 10,
			path: () => `/api/v1/entities?${q(random() < 0.5 ? { limit: '50' } : { limit: '50', kind: pick(ENTITY_KINDS) })}`
		},
		{ route: '/api/v1/entities/[slug]', weight: 12, path: () => `/api/v1/entities/${pick(s.slugs)}` },
		{ route: '/healthz', weight: 11, path: () => '/healthz' }
	];
}

interface WriterFigures {
	imports: number;
	edits: number;
	relations: number;
	refused: number;
	failures: string[];
	importMs: number[];
	metricsMs: number[];
}

const noWrites = (): WriterFigures => ({ imports: 0, edits: 0, relations: 0, refused: 0, failures: [], importMs: [], metricsMs: [] });

/** One person at a time writing, until the deadline; a failure is kept (the run goes on) and reported. */
async function writer(baseUrl: string, s: Sample, until: number, random: () => number): Promise<WriterFigures> {
	const client = new CrashClient(baseUrl, s.cookies);
	const acks = emptyAcks();
	const w = noWrites();
	const others = [...s.others];
	const step = async (what: string, run: () => Promise<void>) => {
		try {
			await run();
		} catch (e) {
			if (w.failures.length < 5) w.failures.push(`${what} : ${(e as Error).message}`);
			else w.failures.push('');
		}
	};
	for (let n = 1; performance.now() < until; n++) {
		await step('import', async () => {
			const t = performance.now();
			await client.importRows(`charge-${n}`, acks);
			w.importMs.push(performance.now() - t);
			w.imports++;
		});
		await step('enregistrement', async () => {
			await client.directEdit(s.listingId, `Charge ${n} ${random().toString(36).slice(2, 8)}`, acks);
			w.edits++;
		});
		await step('relation', async () => {
			const other = others.splice(Math.floor(random() * others.length), 1)[0];
			if (other === undefined) return;
			const refusal = await client.relate(s.listingId, other);
			if (refusal === null) w.relations++;
			else if (++w.refused === 1) w.failures.push(`relation refusée : ${refusal}`);
		});
		await step('métriques', async () => {
			const t = performance.now();
			const res = await fetch(`${baseUrl}/api/v1/graph/metrics`);
			await res.arrayBuffer();
			if (res.status !== 200) throw new Error(`métriques : ${res.status}`);
			w.metricsMs.push(performance.now() - t);
		});
		if (writePauseMs) await new Promise((r) => setTimeout(r, writePauseMs));
	}
	return w;
}

const ms = (x: number) => (Number.isNaN(x) ? '—' : `${x.toFixed(1)} ms`);
const pad = (text: string, n: number) => text.padEnd(n);
const mark = (ok: boolean) => (ok ? '✓' : '✗');

async function benchOne(source: string): Promise<{ label: string; rps: number; cheapP99: number }> {
	const dir = mkdtempSync(join(tmpdir(), 'carto-bench-load-'));
	const path = join(dir, 'carto.db');
	try {
		copyFileSync(source, path);
		if (existsSync(`${source}-wal`)) copyFileSync(`${source}-wal`, `${path}-wal`);
		const sample = prepare(path);
		const random = seededRandom(18);
		const routes = mix(sample, random);
		const app = await startApp(
			{ ...process.env, DATABASE_URL: path, CARTO_JOBS: 'off', CARTO_ACCESS_LOG: 'off', CARTO_EVENT_LOOP_STATS: 'on', CARTO_GEOCODER_URL: 'off' },
			{ stdio: ['ignore', 'ignore', 'pipe'] }
		);
		let stderr = '';
		app.server.stderr!.on('data', (chunk: Buffer) => {
			stderr += chunk.toString();
			process.stderr.write(chunk);
		});
		try {
			// Warm-up, not counted: each route once, and the first metrics computed (a cold start is another budget).
			for (const r of routes) await (await fetch(app.baseUrl + r.path())).arrayBuffer();
			const metricsStarted = performance.now();
			for (let i = 0; i < 120; i++) {
				const m = (await (await fetch(`${app.baseUrl}/api/v1/graph/metrics`)).json()) as { stale?: boolean; pending?: boolean };
				if (!m.stale && !m.pending) break;
				await new Promise((r) => setTimeout(r, 1_000));
			}
			console.log(
				`${basename(source)} : serveur prêt, premières métriques en ${Math.round(performance.now() - metricsStarted)} ms (échauffement, non compté).`
			);
			// Each route alone on the idle server (5 addresses in a row, the median): its own cost, without the queue.
			const alone = new Map<string, number>();
			for (const r of routes) {
				const times: number[] = [];
				for (let i = 0; i < 5; i++) {
					const t = performance.now();
					await (await fetch(app.baseUrl + r.path())).arrayBuffer();
					times.push(performance.now() - t);
				}
				alone.set(r.route, median(times));
			}
			await fetch(`${app.baseUrl}/healthz?reset`);
			const started = performance.now();
			const until = started + seconds * 1000;
			const [figures, written] = await Promise.all([
				closedLoop(app.baseUrl, routes, { connections, until, random, thinkMs }),
				writing ? writer(app.baseUrl, sample, until, random) : Promise.resolve(noWrites())
			]);
			const elapsed = (performance.now() - started) / 1000;
			// Two cores shared with whatever else runs: said beside the figures (the bench itself counts for ~1 of it).
			console.log(`Charge de la machine (moyenne sur 1 min) à la fin de la mesure : ${loadavg()[0]!.toFixed(1)} pour ${cpus().length} cœurs.`);
			const loop = ((await (await fetch(`${app.baseUrl}/healthz`)).json()) as { eventLoopDelayMs?: { p50: number; p99: number; max: number; busy: number } })
				.eventLoopDelayMs;
			return report(basename(source), figures, alone, written, elapsed, stderr, loop);
		} finally {
			await app.stop();
		}
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

function report(
	label: string,
	figures: Map<string, RouteFigures>,
	alone: Map<string, number>,
	w: WriterFigures,
	elapsed: number,
	stderr: string,
	loop: { p50: number; p99: number; max: number; busy: number } | undefined
): { label: string; rps: number; cheapP99: number } {
	const rows = [...figures.entries()];
	const total = rows.reduce((s, [, f]) => s + f.latencies.length, 0);
	const errors = rows.reduce((s, [, f]) => s + f.errors, 0);
	const resets = rows.reduce((s, [, f]) => s + f.resets, 0);
	const busy = (stderr.match(/SQLITE_BUSY|database is locked/g) ?? []).length;
	const cheap = rows.filter(([r]) => CHEAP.includes(r)).flatMap(([, f]) => f.latencies);
	const cheapP99 = percentile(cheap, 99);
	console.log(
		`\n${label} : ${connections} connexions, ${elapsed.toFixed(1)} s${thinkMs ? `, ${thinkMs} ms entre deux requêtes` : ''} — ${total} lectures, ${(total / elapsed).toFixed(0)} requêtes/s`
	);
	console.log(
		`${pad('route', 26)} ${pad('seule', 10)} ${pad('n', 6)} ${pad('p50', 10)} ${pad('p99', 10)} ${pad('max', 10)} ${pad('gardées', 8)} erreurs coupures`
	);
	for (const [route, f] of rows.sort((a, b) => percentile(b[1].latencies, 99) - percentile(a[1].latencies, 99))) {
		console.log(
			`${pad(route, 26)} ${pad(ms(alone.get(route) ?? NaN), 10)} ${pad(String(f.latencies.length), 6)} ${pad(ms(percentile(f.latencies, 50)), 10)} ${pad(ms(percentile(f.latencies, 99)), 10)} ${pad(
				ms(Math.max(...f.latencies)),
				10
			)} ${pad(f.latencies.length ? `${Math.round((100 * f.kept) / f.latencies.length)} %` : '—', 8)} ${pad(String(f.errors), 7)} ${f.resets}${f.samples.length ? `  (${f.samples.join(' ; ')})` : ''}`
		);
	}
	console.log(
		`Écritures pendant ce temps : ${w.imports} imports de 40 lignes (médiane ${ms(median(w.importMs))}), ${w.edits} enregistrements, ${w.relations} relations` +
			`${w.refused ? ` (${w.refused} refusées)` : ''}, métriques demandées ${w.metricsMs.length} fois (médiane ${ms(median(w.metricsMs))})` +
			`${w.failures.length ? ` ; ${w.failures.length} échecs : ${w.failures.filter(Boolean).join(' | ')}` : ''}`
	);
	console.log(
		`Boucle d’événements du serveur : p50 ${ms(loop?.p50 ?? NaN)}, p99 ${ms(loop?.p99 ?? NaN)}, max ${ms(loop?.max ?? NaN)} ; ` +
			`fil principal occupé ${loop ? Math.round(loop.busy * 100) : '—'} % du temps`
	);
	console.log(
		`Budgets : route simple (${CHEAP.join(', ')}) p99 ${ms(cheapP99)} ≤ ${BUDGET_CHEAP_P99_MS} ms ${mark(cheapP99 <= BUDGET_CHEAP_P99_MS)} ; ` +
			`erreurs ${errors + w.failures.length} = 0 ${mark(errors + w.failures.length === 0)} ; coupures ${resets} = 0 ${mark(resets === 0)} ; ` +
			`SQLITE_BUSY ${busy} = 0 ${mark(busy === 0)}`
	);
	return { label, rps: total / elapsed, cheapP99 };
}

const results = [];
for (const source of dbs) {
	if (!existsSync(source)) {
		console.error(`${source} : base absente (seedez-la d’abord, voir l’en-tête de scripts/bench-load.ts).`);
		process.exitCode = 1;
		continue;
	}
	results.push(await benchOne(source));
}
if (results.length > 1) console.log(`\n${results.map((r) => `${r.label} : ${r.rps.toFixed(0)} req/s, route simple p99 ${ms(r.cheapP99)}`).join(' ; ')}`);
