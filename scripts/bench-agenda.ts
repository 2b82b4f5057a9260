/**
 * `npm run bench:agenda [-- --db=/tmp/scale/10k.db] [-- --requests=200]`: the agenda at the 10,000-actor scale
 * with 2,000 events of which 200 recurring (issue 19). A benchmark, not a timed test. A copy of the seeded
 * database (`db-seed -- --scale 10000`) gets events added through the one write path until it holds 2,000, 200
 * of them repeating (weekly, fortnightly, first Thursday, last Friday, monthly on a day, with skipped dates).
 * Then, against the app started as the README does:
 * - the month view and the filtered list, whole pages rendered by the server (p50 / p95 of `--requests`);
 * - in the process, the expansion of every recurring event's occurrences over a year (p95 per event, then all).
 * Budgets: pages ≤ 50 ms p95, a year's expansion ≤ 20 ms p95.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { openDb } from '../src/lib/server/db/index';
import { createEntities } from '../src/lib/server/services/entity-write.service';
import { forgetSeriesDates, occurrencesBetween } from '../src/lib/server/agenda/occurrences';
import { agendaPage } from '../src/lib/server/services/agenda.service';
import { ruleForPattern, REPEAT_PATTERNS } from '../src/lib/domain/recurrence-rule';
import { addDays } from '../src/lib/domain/calendar-days';
import { seededRandom } from '../src/lib/graph/random';
import type { EntityInput } from '../src/lib/domain/entity.schema';
import { SECTORS } from '../src/lib/domain/vocabulary';
import { startApp } from './lib/local-server';

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const SOURCE = arg('db', '/tmp/scale/10k.db');
const REQUESTS = Number(arg('requests', '200'));
const EVENTS = 2000;
const RECURRING = 200;
const PAGE_BUDGET = 50;
const EXPANSION_BUDGET = 20;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
const ms = (x: number) => `${x.toFixed(x < 10 ? 1 : 0)} ms`;
const spread = (times: number[]) => {
	const s = [...times].sort((a, b) => a - b);
	return { p50: percentile(s, 50), p95: percentile(s, 95) };
};

if (!existsSync(SOURCE)) {
	console.error(`Base introuvable : ${SOURCE}. Créez-la avec « DATABASE_URL=${SOURCE} npm run db:seed -- --scale 10000 ».`);
	process.exit(1);
}
const dir = mkdtempSync(join(tmpdir(), 'carto-bench-agenda-'));
const path = join(dir, 'agenda.db');
copyFileSync(SOURCE, path);

// ---- Events up to 2,000, 200 repeating, spread over the communes and the next 18 months ----
const db = openDb(path);
const rng = seededRandom(19);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)] as T;
const count = (where: string) =>
	(db.$client.prepare(`select count(*) as n from entities where kind = 'event' and deleted_at is null ${where}`).get() as { n: number }).n;
const communes = db.all<{ code: string }>(sql`select code from territories where kind = 'commune'`).map((r) => r.code);
const venues = db
	.all<{ id: number }>(sql`select id from entities where kind = 'third_place' and deleted_at is null and status = 'published' limit 500`)
	.map((r) => r.id);
const already = count('');
const recurringAlready = count('and recurrence is not null');
const toAdd = Math.max(0, EVENTS - already);
const recurringToAdd = Math.min(toAdd, Math.max(0, RECURRING - recurringAlready));
const inputs: EntityInput[] = [];
for (let i = 0; i < toAdd; i++) {
	const day = addDays('2026-09-01', Math.floor(rng() * 540));
	const repeat = i < recurringToAdd;
	const hour = 9 + Math.floor(rng() * 11);
	inputs.push({
		slug: `bench-agenda-${i}`,
		kind: 'event',
		category: pick(['meetup', 'conference', 'training', 'pitch', 'hackathon']),
		name: `Rencontre de banc d'essai ${i}`,
		communeCode: pick(communes),
		venueId: venues.length && rng() < 0.5 ? pick(venues) : null,
		startsAt: `${day}T${String(hour).padStart(2, '0')}:30:00`,
		endsAt: `${day}T${String(hour + 2).padStart(2, '0')}:00:00`,
		recurrence: repeat ? ruleForPattern(pick(REPEAT_PATTERNS.filter((p) => p !== 'yearly')), day, rng() < 0.3 ? addDays(day, 300) : null) : null,
		recurrenceExceptions: repeat && rng() < 0.5 ? [addDays(day, 28), addDays(day, 56)] : [],
		sectors: [pick(SECTORS)],
		stages: [pick(['emergence', 'creation', 'development'])],
		free: rng() < 0.5,
		attendance: pick([null, null, 'online', 'hybrid'] as const),
		isDemo: true
	});
}
const tWrite = performance.now();
for (let i = 0; i < inputs.length; i += 500) createEntities(db, inputs.slice(i, i + 500), { reason: 'Banc d’essai de l’agenda' });
const writeMs = performance.now() - tWrite;
const actors = (db.$client.prepare('select count(*) as n from entities where deleted_at is null').get() as { n: number }).n;
const events = count('');
const recurring = db.all<{ startsAt: string; endsAt: string | null; recurrence: string; recurrenceExceptions: string }>(
	sql`select starts_at as startsAt, ends_at as endsAt, recurrence, recurrence_exceptions as recurrenceExceptions from entities where kind = 'event' and recurrence is not null and deleted_at is null`
);
console.log(`Base : ${actors} acteurs, ${events} événements dont ${recurring.length} récurrents (${inputs.length} ajoutés en ${ms(writeMs)}).`);

// ---- Expansion over a year, in the process ----
// A first walk (nothing kept: from the series' start, through ical.js), then the same year again (kept dates).
forgetSeriesDates();
const perEvent: number[] = [];
const perEventKept: number[] = [];
let occurrences = 0;
const tAll = performance.now();
for (const r of recurring) {
	const ev = { ...r, recurrenceExceptions: JSON.parse(r.recurrenceExceptions) as string[] };
	const t = performance.now();
	occurrences += occurrencesBetween(ev, '2027-01-01', '2027-12-31', 400).length;
	perEvent.push(performance.now() - t);
	const t2 = performance.now();
	occurrencesBetween(ev, '2027-01-01', '2027-12-31', 400);
	perEventKept.push(performance.now() - t2);
}
const allMs = performance.now() - tAll;
const expansion = spread(perEvent);
const expansionKept = spread(perEventKept);

// ---- The services alone, in the process (what the pages add is rendering) ----
const territoriesList = ['63', '03', '15', '43', ''];
const monthsList = ['2026-12', '2027-01', '2027-03', '2027-06', '2027-10'];
const serviceTimes = (qs: (i: number) => string) => {
	const times: number[] = [];
	for (let i = 0; i < 60; i++) {
		const t = performance.now();
		agendaPage(db, new URLSearchParams(qs(i)));
		times.push(performance.now() - t);
	}
	return spread(times.slice(10));
};
const monthService = serviceTimes((i) => `view=month&month=${monthsList[i % 5]}&territory=${territoriesList[(i >> 2) % 5]}`);
const listService = serviceTimes((i) => `territory=${territoriesList[i % 5]}&stage=${['creation', 'emergence'][i % 2]}${i % 3 ? '&free=1' : ''}`);
console.log(
	`Services seuls : vue mois p50 ${ms(monthService.p50)}, p95 ${ms(monthService.p95)} ; liste filtrée p50 ${ms(listService.p50)}, p95 ${ms(listService.p95)}`
);
db.$client.close();

// ---- Pages through the real server ----
if (process.argv.includes('--no-server')) {
	console.log(
		`Dépliage d'une année, par événement récurrent : premier passage p50 ${ms(expansion.p50)}, p95 ${ms(expansion.p95)} ; dates gardées p95 ${ms(expansionKept.p95)} ; les ${recurring.length} ensemble : ${ms(allMs)}, ${occurrences} dates.`
	);
	if (process.argv.includes('--keep')) console.log(`Base gardée : ${path}`);
	else rmSync(dir, { recursive: true, force: true });
	process.exit(0);
}
const app = await startApp({ ...process.env, DATABASE_URL: path });
const territories = ['63', '03', '15', '43', ''];
const months = ['2026-12', '2027-01', '2027-03', '2027-06', '2027-10'];
async function timePages(url: (i: number) => string): Promise<{ p50: number; p95: number }> {
	for (let i = 0; i < 10; i++) await (await fetch(`${app.baseUrl}${url(i)}`, { signal: AbortSignal.timeout(120_000) })).arrayBuffer();
	const times: number[] = [];
	for (let i = 0; i < REQUESTS; i++) {
		const t = performance.now();
		const res = await fetch(`${app.baseUrl}${url(i)}`, { signal: AbortSignal.timeout(30_000) });
		await res.arrayBuffer();
		if (res.status !== 200) throw new Error(`${res.status} pour ${url(i)}`);
		times.push(performance.now() - t);
	}
	return spread(times);
}
try {
	// A new address each time (the q of a nonexistent word would empty it): vary filters so no kept page answers.
	const month = await timePages((i) => `/agenda?view=month&month=${months[i % 5]}&territory=${territories[(i >> 2) % 5]}&r=${i}`);
	const list = await timePages((i) => `/agenda?territory=${territories[i % 5]}&stage=${['creation', 'emergence'][i % 2]}${i % 3 ? '&free=1' : ''}&r=${i}`);
	const api = await timePages((i) => `/api/v1/events?territory=${territories[i % 5]}&limit=50&offset=${(i % 4) * 50}&r=${i}`);
	const verdict = (x: number, budget: number) => (x <= budget ? 'tenu' : 'DÉPASSÉ');
	console.log(`Vue mois (page entière)      : p50 ${ms(month.p50)}, p95 ${ms(month.p95)} (budget ${PAGE_BUDGET} ms : ${verdict(month.p95, PAGE_BUDGET)})`);
	console.log(`Liste filtrée (page entière) : p50 ${ms(list.p50)}, p95 ${ms(list.p95)} (budget ${PAGE_BUDGET} ms : ${verdict(list.p95, PAGE_BUDGET)})`);
	console.log(`/api/v1/events (50 dates)    : p50 ${ms(api.p50)}, p95 ${ms(api.p95)}`);
	console.log(
		`Dépliage d'une année, par événement récurrent : premier passage p50 ${ms(expansion.p50)}, p95 ${ms(expansion.p95)} (budget ${EXPANSION_BUDGET} ms : ${verdict(expansion.p95, EXPANSION_BUDGET)}) ; dates gardées p95 ${ms(expansionKept.p95)} ; les ${recurring.length} ensemble : ${ms(allMs)}, ${occurrences} dates.`
	);
} finally {
	await app.stop();
	rmSync(dir, { recursive: true, force: true });
}
