import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Db } from '../db';
import { claimLease, ensureJobRow, releaseLease } from '../repos/job.repo';
import { nextRunAfter, type JobContext, type JobDefinition } from './job';

/** Longer than any run should take: a process that died holding the lease frees it after this. */
export const LEASE_MS = 30 * 60 * 1000;

/** This process, as the lease names it: host, pid and a random part (two servers on one host differ). */
export const processOwner = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

export type RunOutcome =
	| { status: 'ok' | 'error'; message: string; durationMs: number; nextRunAt: string | null }
	/** Another process holds the lease, or (scheduled) this slot was already run. */
	| { status: 'skipped'; message: string };

export function registerJob(db: Db, job: JobDefinition, now = new Date()): void {
	ensureJobRow(db, job.name, job.schedule, nextRunAfter(job.schedule, now));
}

/**
 * Runs one job under its SQLite lease. `due` (the scheduler) runs only when the slot is due and not done;
 * without it (`npm run jobs -- --run`), it runs now unless another process is running it.
 */
export async function runJob(
	job: JobDefinition,
	ctx: Omit<JobContext, 'now'> & { now?: Date },
	options: { due?: boolean; owner?: string } = {}
): Promise<RunOutcome> {
	const { db } = ctx;
	const owner = options.owner ?? processOwner;
	const now = ctx.now ?? new Date();
	registerJob(db, job, now);
	// A scheduled call may arrive a few milliseconds before the instant croner computed: a second's grace.
	const claimAt = options.due ? new Date(now.getTime() + 1000) : now;
	if (!claimLease(db, job.name, owner, claimAt.toISOString(), new Date(now.getTime() + LEASE_MS).toISOString(), options.due ?? false)) {
		return { status: 'skipped', message: options.due ? 'déjà lancée par un autre processus' : 'déjà en cours dans un autre processus' };
	}
	const started = performance.now();
	let status: 'ok' | 'error' = 'ok';
	let message: string;
	try {
		message = await job.run({ ...ctx, now });
	} catch (e) {
		status = 'error';
		message = `échec : ${(e as Error).message}`;
		console.error(`[tâche ${job.name}]`, e);
	}
	const durationMs = Math.round(performance.now() - started);
	const finished = new Date();
	const nextRunAt = nextRunAfter(job.schedule, finished);
	releaseLease(db, job.name, owner, { finishedAt: finished.toISOString(), status, message, durationMs, nextRunAt });
	return { status, message, durationMs, nextRunAt };
}
