import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { sql } from 'drizzle-orm';
import { freshDb } from './fresh-db';
import { jobRow } from '../../src/lib/server/repos/job.repo';
import { registerJob, runJob } from '../../src/lib/server/jobs/runner';
import { nextRunAfter, type JobDefinition } from '../../src/lib/server/jobs/job';

/*
 * The scheduler's lease in SQLite: two real node processes on one file, the same job, the same instant:
 * exactly one runs it. And the jobs table says when it ran, how long it took and when it runs next.
 */

let ctx: ReturnType<typeof freshDb>;
beforeEach(() => {
	ctx = freshDb();
});
afterEach(() => ctx.close());

type Outcome = { pid: number; status: string; message: string };

function racer(env: Record<string, string>): Promise<Outcome> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['--import', 'tsx', 'tests/fixtures/job-race.ts'], { env: { ...process.env, DATABASE_URL: ctx.path, ...env } });
		let out = '';
		let err = '';
		child.stdout.on('data', (d) => (out += d));
		child.stderr.on('data', (d) => (err += d));
		child.on('exit', (code) =>
			code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop() as string) as Outcome) : reject(new Error(`code ${code}: ${err}`))
		);
	});
}

async function race(env: Record<string, string>): Promise<Outcome[]> {
	// Both processes load (tsx, the migrations) first, then start at the same instant.
	const startAt = String(Date.now() + 4000);
	return Promise.all([racer({ ...env, START_AT: startAt }), racer({ ...env, START_AT: startAt })]);
}

describe('two processes, one job', () => {
	it('run now (npm run jobs -- --run): exactly one runs, the other is told it is running elsewhere', async () => {
		const outcomes = await race({ JOB_MS: '1500' });
		expect(outcomes.map((o) => o.status).sort()).toEqual(['ok', 'skipped']);
		const ran = outcomes.find((o) => o.status === 'ok')!;
		expect(outcomes.find((o) => o.status === 'skipped')!.message).toBe('déjà en cours dans un autre processus');
		const row = jobRow(ctx.db, 'course')!;
		expect(row).toMatchObject({ lastStatus: 'ok', lastMessage: `lancée par ${ran.pid}`, leaseOwner: null, leaseUntil: null });
		expect(row.lastDurationMs).toBeGreaterThanOrEqual(1400);
	}, 30_000);

	it('scheduled slot: exactly one runs it, even when the other arrives after the first finished', async () => {
		ctx.db.run(sql`insert into jobs (name, schedule, next_run_at) values ('course', '0 3 * * *', '2020-01-01T02:00:00.000Z')`);
		const outcomes = await race({ JOB_MS: '50', JOB_DUE: '1' });
		expect(outcomes.map((o) => o.status).sort()).toEqual(['ok', 'skipped']);
		// The next slot is tomorrow at 3 h in Paris.
		expect(jobRow(ctx.db, 'course')!.nextRunAt! > new Date().toISOString()).toBe(true);
	}, 30_000);
});

describe('the jobs table', () => {
	const job: JobDefinition = { name: 'essai', schedule: '0 9 * * *', label: 'essai', run: async () => 'fait' };

	it('computes the next run in Paris time', () => {
		// 9 h in Paris in winter is 8 h UTC; in summer 7 h UTC.
		expect(nextRunAfter('0 9 * * *', new Date('2026-12-04T10:00:00Z'))).toBe('2026-12-05T08:00:00.000Z');
		expect(nextRunAfter('0 9 * * *', new Date('2026-07-04T10:00:00Z'))).toBe('2026-07-05T07:00:00.000Z');
	});

	it('a lease left by a dead process is taken back once it expires; a live one is respected', async () => {
		registerJob(ctx.db, job);
		const now = new Date();
		ctx.db.run(sql`update jobs set lease_owner = 'autre', lease_until = ${new Date(now.getTime() + 60_000).toISOString()} where name = 'essai'`);
		expect(await runJob(job, { db: ctx.db, mail: null, origin: '' })).toMatchObject({ status: 'skipped' });
		ctx.db.run(sql`update jobs set lease_until = ${new Date(now.getTime() - 1000).toISOString()} where name = 'essai'`);
		expect(await runJob(job, { db: ctx.db, mail: null, origin: '' })).toMatchObject({ status: 'ok', message: 'fait' });
	});

	it('records a failure with its message and frees the lease', async () => {
		const failing: JobDefinition = { ...job, name: 'panne', run: async () => Promise.reject(new Error('disque plein')) };
		const errors: unknown[] = [];
		const original = console.error;
		console.error = (...a: unknown[]) => errors.push(a);
		try {
			expect(await runJob(failing, { db: ctx.db, mail: null, origin: '' })).toMatchObject({ status: 'error', message: 'échec : disque plein' });
		} finally {
			console.error = original;
		}
		expect(jobRow(ctx.db, 'panne')).toMatchObject({ lastStatus: 'error', leaseOwner: null });
	});
});
