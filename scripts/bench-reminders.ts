/**
 * `npm run bench:reminders [-- --scale=10000 --rounds=5 --managed=0.3]`: the freshness reminders job at the
 * 10k scale. Builds the scale dataset once (seedDemo, as bench:seed), gives 30 % of the listings to
 * partner accounts (about ten listings each), then runs the reminders job on a fresh copy of that file
 * each round: selection, tokens, reminder rows, bell rows and the e-mails built (counted, not sent), and
 * prints the median run time and the counts. A last round sends for real to a local SMTP server
 * (tests/mail-catcher.ts) and prints its time too. The event loop's longest stall is measured: the job
 * works in chunks of 200 listings so the server keeps answering.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { openDb, type Db } from '../src/lib/server/db/index';
import { seedDemo } from '../src/lib/server/seed/index';
import { loadTerritories } from '../src/lib/server/territories/territory-loader';
import { insertUser } from '../src/lib/server/repos/user.repo';
import { insertManager } from '../src/lib/server/repos/contribution.repo';
import { sendFreshnessReminders, type ReminderRunReport } from '../src/lib/server/services/freshness-reminder.service';
import { readCaughtMails, startMailCatcher } from '../tests/mail-catcher';

const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const scale = arg('scale', 10_000);
const rounds = arg('rounds', 5);
const managedShare = arg('managed', 0.3);
const settings = { months: 12, reminderDays: 30 };
const origin = 'http://localhost:3000';

const dir = mkdtempSync(join(tmpdir(), 'carto-bench-reminders-'));
const base = join(dir, 'base.db');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

function build(): { listings: number; managed: number; managers: number } {
	const db = openDb(base);
	try {
		loadTerritories(db);
		seedDemo(db, { scale });
		const ids = db.all<{ id: number }>(sql`select id from entities where deleted_at is null and status = 'published' order by id`).map((r) => r.id);
		const managed = ids.filter((_, i) => (i * 7919) % 1000 < managedShare * 1000);
		const perManager = 10;
		const managers = Math.ceil(managed.length / perManager);
		db.transaction((tx) => {
			for (let m = 0; m < managers; m++) {
				const userId = insertUser(tx as unknown as Db, { email: `gestionnaire${m}@exemple.fr`, displayName: `Gestionnaire ${m}`, role: 'partner' });
				for (const id of managed.slice(m * perManager, (m + 1) * perManager)) insertManager(tx as unknown as Db, id, userId, null);
			}
		});
		return { listings: ids.length, managed: managed.length, managers };
	} finally {
		db.$client.close();
	}
}

async function round(i: number, mail: { url: string; from: string } | null): Promise<{ ms: number; report: ReminderRunReport; stallMs: number }> {
	const file = join(dir, `round-${i}.db`);
	copyFileSync(base, file);
	const db = openDb(file);
	const loop = monitorEventLoopDelay({ resolution: 5 });
	try {
		loop.enable();
		const t = performance.now();
		const report = await sendFreshnessReminders({ db, now: new Date(), mail, origin }, { settings, send: mail !== null });
		const ms = performance.now() - t;
		loop.disable();
		return { ms, report, stallMs: loop.max / 1e6 };
	} finally {
		db.$client.close();
		rmSync(file, { force: true });
	}
}

try {
	const t = performance.now();
	const built = build();
	console.log(
		`Base : ${built.listings} fiches publiées, ${built.managed} confiées à ${built.managers} gestionnaires (${((performance.now() - t) / 1000).toFixed(1)} s).`
	);
	const times: number[] = [];
	let last: ReminderRunReport | undefined;
	for (let i = 0; i < rounds; i++) {
		const r = await round(i, null);
		times.push(r.ms);
		last = r.report;
		console.log(`tour ${i + 1} : ${Math.round(r.ms)} ms (boucle d'événements bloquée au plus ${Math.round(r.stallMs)} ms)`);
	}
	console.log(`\nMédiane sur ${rounds} tours (courriels préparés, non envoyés) : ${Math.round(median(times))} ms.`);
	console.log(
		`Fiches à rappeler : ${last?.stale} (${last?.managed} avec gestionnaire, ${last?.unmanaged} pour la liste de l'équipe) ; courriels préparés : ${last?.mailsPrepared} (un par gestionnaire).`
	);

	const catcher = await startMailCatcher(join(dir, 'mails.jsonl'));
	try {
		const r = await round(rounds, { url: catcher.url, from: 'Connecteur Carto <carto@exemple.fr>' });
		console.log(
			`Avec envoi réel à un serveur SMTP local : ${Math.round(r.ms)} ms, ${r.report.mailsSent} courriels envoyés, ${r.report.mailsFailed} échecs, ${readCaughtMails(catcher.file).length} reçus (boucle bloquée au plus ${Math.round(r.stallMs)} ms).`
		);
	} finally {
		await catcher.close();
	}
} finally {
	rmSync(dir, { recursive: true, force: true });
}
