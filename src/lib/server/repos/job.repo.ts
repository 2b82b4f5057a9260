import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { jobs, type JobRow } from '../db/schema';

/** Adds the job's row the first time the registry names it, and keeps its schedule as the code says. */
export function ensureJobRow(db: Db, name: string, schedule: string, nextRunAt: string | null): void {
	db.run(sql`insert into jobs (name, schedule, next_run_at) values (${name}, ${schedule}, ${nextRunAt})
		on conflict(name) do update set schedule = excluded.schedule,
		next_run_at = case when jobs.schedule = excluded.schedule and jobs.next_run_at is not null then jobs.next_run_at else excluded.next_run_at end`);
}

/**
 * Takes the job's lease in one UPDATE: SQLite runs it alone, so of two processes asking at once exactly one
 * changes the row. `due` (scheduled runs) also requires the slot not yet done: a second process arriving
 * after the first finished finds next_run_at already moved on, and runs nothing.
 */
export function claimLease(db: Db, name: string, owner: string, now: string, until: string, due: boolean): boolean {
	const result = db.run(sql`update jobs set lease_owner = ${owner}, lease_until = ${until}, last_started_at = ${now}
		where name = ${name} and (lease_until is null or lease_until < ${now})
		${due ? sql`and (next_run_at is null or next_run_at <= ${now})` : sql``}`);
	return result.changes === 1;
}

export function releaseLease(
	db: Db,
	name: string,
	owner: string,
	r: { finishedAt: string; status: 'ok' | 'error'; message: string; durationMs: number; nextRunAt: string | null }
): void {
	db.run(sql`update jobs set lease_owner = null, lease_until = null, last_finished_at = ${r.finishedAt}, last_status = ${r.status},
		last_message = ${r.message}, last_duration_ms = ${r.durationMs}, next_run_at = ${r.nextRunAt}
		where name = ${name} and lease_owner = ${owner}`);
}

export function jobRow(db: Db, name: string): JobRow | undefined {
	return db.select().from(jobs).where(eq(jobs.name, name)).get();
}

export function jobRows(db: Db): JobRow[] {
	return db.select().from(jobs).orderBy(jobs.name).all();
}
