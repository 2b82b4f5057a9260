import { Cron } from 'croner';
import type { Db } from '../db';
import { jobRow } from '../repos/job.repo';
import { JOBS_TIMEZONE, type JobContext, type JobDefinition } from './job';
import { registerJob, runJob } from './runner';

export interface Scheduler {
	stop: () => void;
}

/**
 * One croner timer per job, in Paris time. Every process on the file may run a scheduler: each due slot is
 * claimed through the SQLite lease, so it runs once whichever process wakes first. A slot missed while no
 * server ran (next_run_at in the past) runs once shortly after start-up.
 */
export function startScheduler(db: Db, jobs: JobDefinition[], context: () => Omit<JobContext, 'db' | 'now'>): Scheduler {
	const timers: Cron[] = [];
	const pending: NodeJS.Timeout[] = [];
	const fire = (job: JobDefinition) => {
		runJob(job, { db, ...context() }, { due: true })
			.then((r) => {
				if (r.status !== 'skipped') console.log(`Tâche « ${job.name} » : ${r.message} (${r.durationMs} ms).`);
			})
			.catch((e) => console.error(`[tâche ${job.name}]`, e));
	};
	for (const job of jobs) {
		registerJob(db, job);
		// protect: a slot that comes while the previous run is still going is skipped, not stacked.
		timers.push(new Cron(job.schedule, { timezone: JOBS_TIMEZONE, protect: true, unref: true, name: `carto-${job.name}` }, () => fire(job)));
		const next = jobRow(db, job.name)?.nextRunAt;
		if (next && next < new Date().toISOString()) {
			const t = setTimeout(() => fire(job), 5_000);
			t.unref();
			pending.push(t);
		}
	}
	return {
		stop: () => {
			for (const t of timers) t.stop();
			for (const t of pending) clearTimeout(t);
		}
	};
}
