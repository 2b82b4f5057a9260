/**
 * `npm run jobs -- --list`: the scheduler's jobs, their schedule, last and next run.
 * `npm run jobs -- --run reminders`: runs one job now, once (for a system cron, with CARTO_JOBS=off on the
 * server), under the same SQLite lease as the server's scheduler: never twice at once. Prints a French
 * summary and the run time. Exit code: 0 done (or already running elsewhere), 1 the job failed, 2 bad arguments.
 */
import { databasePath, openDb } from '../src/lib/server/db/index';
import { formatDateTime } from '../src/lib/domain/french';
import { publicOrigin } from '../src/lib/server/http/origin';
import { mailSetting } from '../src/lib/server/mail/mailer';
import { jobRow } from '../src/lib/server/repos/job.repo';
import { JOBS, jobNamed } from '../src/lib/server/jobs/registry';
import { registerJob, runJob } from '../src/lib/server/jobs/runner';

const args = process.argv.slice(2);
const usage = `Usage : npm run jobs -- --list | --run <${JOBS.map((j) => j.name).join('|')}>`;
const db = openDb(databasePath());

if (args[0] === '--list' && args.length === 1) {
	for (const job of JOBS) {
		registerJob(db, job);
		const row = jobRow(db, job.name);
		console.log(`${job.name} — ${job.schedule} (heure de Paris)\n  ${job.label}`);
		console.log(
			`  dernière exécution : ${row?.lastFinishedAt ? `${formatDateTime(row.lastFinishedAt)}, ${row.lastStatus === 'ok' ? 'réussie' : 'en échec'} en ${row.lastDurationMs} ms : ${row.lastMessage}` : 'jamais'}`
		);
		console.log(
			`  prochaine : ${row?.nextRunAt ? formatDateTime(row.nextRunAt) : '—'}${row?.leaseUntil && row.leaseUntil > new Date().toISOString() ? ` (en cours : ${row.leaseOwner})` : ''}`
		);
	}
	process.exit(0);
}
const job = args[0] === '--run' && args.length === 2 ? jobNamed(args[1] as string) : undefined;
if (!job) {
	console.error(args[0] === '--run' && args[1] ? `Tâche inconnue : « ${args[1]} ». ${usage}` : usage);
	process.exit(2);
}
const outcome = await runJob(job, { db, mail: mailSetting(), origin: publicOrigin(process.env).origin });
if (outcome.status === 'skipped') {
	console.log(`Tâche « ${job.name} » non lancée : ${outcome.message}.`);
	process.exit(0);
}
console.log(`Tâche « ${job.name} » ${outcome.status === 'ok' ? 'terminée' : 'en échec'} en ${outcome.durationMs} ms : ${outcome.message}`);
process.exit(outcome.status === 'ok' ? 0 : 1);
