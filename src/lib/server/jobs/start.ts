import { jobsEnabled } from '../config';
import { getDb } from '../db/connection';
import { publicOrigin } from '../http/origin';
import { serverMailSetting } from '../mail/mailer';
import { JOBS } from './registry';
import { startScheduler, type Scheduler } from './scheduler';

let scheduler: Scheduler | null = null;

/** Called once by the server process at start-up (hooks.server.ts `init`); CARTO_JOBS=off leaves it to a system cron. */
export function startServerJobs(): void {
	if (scheduler || !jobsEnabled()) return;
	scheduler = startScheduler(getDb(), JOBS, () => ({ mail: serverMailSetting(), origin: publicOrigin(process.env).origin, inServer: true }));
	console.log(`Tâches planifiées : ${JOBS.map((j) => `${j.name} (${j.schedule})`).join(', ')}, heure de Paris.`);
}

/** At shutdown: no new job starts (one under way finishes with the process's last requests). */
export function stopServerJobs(): void {
	scheduler?.stop();
	scheduler = null;
}
