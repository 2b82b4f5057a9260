/**
 * `npm run bench:feeds [-- --db=/path/copied.db] [-- --feeds=50] [-- --events=200] [-- --runs=3]`: « feeds in »
 * (issue 19) end to end. A fake calendar publisher on 127.0.0.1 serves 50 partners' calendars of 200 events each
 * (one in ten repeating, with skipped dates; some held at a third-place of the directory, some online); each run
 * takes a fresh database built by the migrations (or a copy of `--db`), registers the feeds and times
 * pollDueFeeds: the first poll (every event created through the one write path) and the second (nothing changed:
 * each feed answers 304 to the conditional GET). Medians over the runs, and the longest event-loop stall seen
 * during a poll (the downloads are async; the writes are one short transaction per feed).
 * Budget: the first poll of 50 feeds × 200 events ≤ 10 s.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { openDb, type Db } from '../src/lib/server/db/index';
import { createEntities } from '../src/lib/server/services/entity-write.service';
import { pollDueFeeds, registerFeed } from '../src/lib/server/services/event-feeds.service';
import { insertUser } from '../src/lib/server/repos/user.repo';
import { icsFile } from '../tests/support/calendar-feeds';
import { startFakeCalendarServer, type FakeCalendarServer } from '../tests/support/fake-calendar-server';

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const SOURCE = arg('db', '');
const FEEDS = Number(arg('feeds', '50'));
const EVENTS = Number(arg('events', '200'));
const RUNS = Number(arg('runs', '3'));
const BUDGET_MS = 10_000;
const NOW = new Date('2026-12-07T09:00:00Z');
const OPTIONS = { fetch: { allowPrivateAddresses: true } };
const VENUES = ['La Cordée', 'Le Damier', 'Fablab de la Limagne', 'Maison de l’innovation', 'Le Bivouac'];

const pad = (n: number) => String(n).padStart(2, '0');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const seconds = (x: number) => `${(x / 1000).toFixed(2)} s`;

function calendar(feed: number): string {
	const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:-//Bench//Partenaire ${feed}//FR`];
	for (let i = 0; i < EVENTS; i++) {
		const day = new Date(Date.UTC(2027, 0, 1) + ((feed * 7 + i * 3) % 540) * 86_400_000);
		const date = `${day.getUTCFullYear()}${pad(day.getUTCMonth() + 1)}${pad(day.getUTCDate())}`;
		const hour = 9 + ((feed + i) % 10);
		lines.push(
			'BEGIN:VEVENT',
			`UID:bench-${feed}-${i}@partenaire.example`,
			'DTSTAMP:20261201T080000Z',
			`DTSTART;TZID=Europe/Paris:${date}T${pad(hour)}0000`,
			`DTEND;TZID=Europe/Paris:${date}T${pad(hour + 2)}0000`,
			`SUMMARY:${['Atelier', 'Rencontre', 'Conférence', 'Pitch', 'Webinaire'][i % 5]} n° ${i} du partenaire ${feed}`,
			`DESCRIPTION:Un événement du partenaire ${feed}\\, pour mesurer le relevé des agendas.`
		);
		if (i % 4 === 0) lines.push(`LOCATION:${VENUES[(feed + i) % VENUES.length]}\\, Clermont-Ferrand`);
		else if (i % 4 === 1) lines.push('LOCATION:https://visio.example/salle');
		else lines.push(`LOCATION:${i} rue de la République\\, Clermont-Ferrand`);
		if (i % 10 === 0)
			lines.push('RRULE:FREQ=WEEKLY;COUNT=12', `EXDATE;TZID=Europe/Paris:${date.slice(0, 6)}${pad(Math.min(28, Number(date.slice(6)) + 7))}T${pad(hour)}0000`);
		lines.push('END:VEVENT');
	}
	lines.push('END:VCALENDAR');
	return icsFile(lines);
}

function freshDatabase(dir: string, run: number): Db {
	const path = join(dir, `feeds-${run}.db`);
	if (SOURCE) copyFileSync(SOURCE, path);
	return openDb(path);
}

async function oneRun(server: FakeCalendarServer, dir: string, run: number) {
	const db = freshDatabase(dir, run);
	const editorId = insertUser(db, { email: `bench-${run}@example.org`, displayName: 'Banc d’essai', role: 'editor' });
	const editor = { id: editorId, email: `bench-${run}@example.org`, displayName: 'Banc d’essai', role: 'editor' as const };
	const stamp = `${run}-${Date.now()}`;
	createEntities(
		db,
		VENUES.map((name, i) => ({ slug: `bench-lieu-${stamp}-${i}`, kind: 'third_place' as const, category: 'coworking', name }))
	);
	const owners = createEntities(
		db,
		Array.from({ length: FEEDS }, (_, f) => ({
			slug: `bench-partenaire-${stamp}-${f}`,
			kind: 'organisation' as const,
			category: 'association',
			name: `Partenaire ${f} (${stamp})`
		}))
	);
	owners.forEach((owner, f) => registerFeed(db, editor, { owner, url: server.url(`/feed-${f}.ics`) }, OPTIONS));

	const timed = async (now: Date) => {
		const stalls = monitorEventLoopDelay({ resolution: 5 });
		stalls.enable();
		const start = performance.now();
		const summary = await pollDueFeeds(db, now, OPTIONS);
		const elapsed = performance.now() - start;
		stalls.disable();
		return { elapsed, summary, stallMs: stalls.max / 1e6 };
	};
	const first = await timed(NOW);
	const second = await timed(new Date(NOW.getTime() + 3600_000));
	const events = db.get<{ n: number }>(sql`select count(*) as n from entities where kind = 'event'`).n;
	db.$client.close();
	return { first, second, events };
}

const server = await startFakeCalendarServer();
for (let f = 0; f < FEEDS; f++) server.setFeed(`/feed-${f}.ics`, calendar(f), { etag: `"feed-${f}-v1"`, lastModified: 'Tue, 01 Dec 2026 10:00:00 GMT' });
const dir = mkdtempSync(join(tmpdir(), 'carto-bench-feeds-'));
const firsts: number[] = [];
const seconds304: number[] = [];
const stalls: number[] = [];
try {
	console.log(`${FEEDS} agendas × ${EVENTS} événements (1 sur 10 répété), ${RUNS} passages${SOURCE ? `, base ${SOURCE}` : ', base neuve'}`);
	for (let run = 1; run <= RUNS; run++) {
		const r = await oneRun(server, dir, run);
		if (r.first.summary.errors || r.second.summary.errors) throw new Error(`relevés en erreur : ${r.first.summary.errors} puis ${r.second.summary.errors}`);
		if (r.second.summary.counts.created || r.second.summary.counts.updated) throw new Error('le second relevé a écrit quelque chose');
		firsts.push(r.first.elapsed);
		seconds304.push(r.second.elapsed);
		stalls.push(Math.max(r.first.stallMs, r.second.stallMs));
		console.log(
			`  passage ${run} : 1er relevé ${seconds(r.first.elapsed)} (${r.first.summary.counts.created} créés), 2e relevé (304) ${seconds(r.second.elapsed)} (${r.second.summary.counts.unchanged} inchangés), ${r.events} événements en base, plus long blocage de la boucle ${r.first.stallMs.toFixed(0)} / ${r.second.stallMs.toFixed(0)} ms`
		);
	}
	const verdict = median(firsts) <= BUDGET_MS ? 'dans le budget' : 'HORS BUDGET';
	console.log(
		`Médianes : 1er relevé ${seconds(median(firsts))} (budget ${seconds(BUDGET_MS)}, ${verdict}), 2e relevé ${seconds(median(seconds304))}, blocage max ${median(stalls).toFixed(0)} ms`
	);
	if (median(firsts) > BUDGET_MS) process.exitCode = 1;
} finally {
	await server.close();
	rmSync(dir, { recursive: true, force: true });
}
